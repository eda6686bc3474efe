import { afterEach, describe, expect, it } from 'vitest';
import { ControlBlock, type RunEventName } from '../../packages/core/src/sync/control-block.js';
import { SharedValue } from '../../packages/core/src/sync/shared-value.js';
import { startWorker, type TestWorker } from './threads.js';

const EVENTS: RunEventName[] = ['start', 'pause', 'stop', 'raise', 'kbi'];
const workers: TestWorker[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
});

describe('SharedValue', () => {
  it('holds its initial value, 0 by default, and any float64', () => {
    expect(SharedValue.create().value).toBe(0);
    expect(SharedValue.create(-1).value).toBe(-1);
    const value = SharedValue.create();
    for (const v of [1_700_000_000.123456, -0.5, Number.MAX_VALUE, Number.MIN_VALUE, Infinity]) {
      value.value = v;
      expect(value.value).toBe(v);
    }
    value.value = NaN;
    expect(value.value).toBeNaN();
    value.value = -0;
    expect(Object.is(value.value, -0)).toBe(true);
  });

  it('two wrappers of the same cell share the value; neighbours are untouched', () => {
    const cells = new Float64Array(new SharedArrayBuffer(24));
    const a = new SharedValue(cells, 1);
    const b = new SharedValue(cells, 1);
    a.value = 42.5;
    expect(b.value).toBe(42.5);
    expect([cells[0], cells[2]]).toEqual([0, 0]);
  });

  it('a value written in a worker is read in the test thread', async () => {
    const value = SharedValue.create(-1);
    const w = startWorker(
      `const v = new core.SharedValue(new Float64Array(workerData.buffer), 0);
       v.value = 1234567890.0625;
       post('written');`,
      { buffer: value.cells.buffer },
    );
    workers.push(w);
    await w.next();
    expect(value.value).toBe(1234567890.0625);
  });
});

describe('ControlBlock', () => {
  it('starts with every event clear, t0 at -1, the clock anchor given and the barrier ready', () => {
    const control = ControlBlock.create(3, 1_700_000_000.25);
    for (const name of EVENTS) expect(control.event(name).isSet(), name).toBe(false);
    expect(control.t0.value).toBe(-1);
    expect(control.clockAnchor.value).toBe(1_700_000_000.25);
    expect(control.barrier.parties).toBe(3);
    expect(control.barrier.nWaiting).toBe(0);
    expect(control.barrier.broken).toBe(false);
  });

  it('rejects an invalid number of parties', () => {
    expect(() => ControlBlock.create(0, 0)).toThrow(RangeError);
  });

  it('event(name) is the named property', () => {
    const control = ControlBlock.create(1, 0);
    expect(control.event('start')).toBe(control.start);
    expect(control.event('pause')).toBe(control.pause);
    expect(control.event('stop')).toBe(control.stop);
    expect(control.event('raise')).toBe(control.raise);
    expect(control.event('kbi')).toBe(control.kbi);
  });

  it('its events are independent of each other', () => {
    const control = ControlBlock.create(2, 0);
    for (const name of EVENTS) {
      control.event(name).set();
      for (const other of EVENTS) expect(control.event(other).isSet(), `${other} after setting ${name}`).toBe(other === name);
      control.event(name).clear();
    }
  });

  it('events, barrier, t0 and clock anchor do not overlap', async () => {
    const control = ControlBlock.create(2, 5.5);
    for (const name of EVENTS) control.event(name).set();
    expect(control.t0.value).toBe(-1);
    expect(control.clockAnchor.value).toBe(5.5);
    expect(control.barrier.parties).toBe(2);
    expect(control.barrier.nWaiting).toBe(0);
    expect(control.barrier.broken).toBe(false);

    control.t0.value = 1e9;
    control.clockAnchor.value = -3;
    control.barrier.abort();
    for (const name of EVENTS) expect(control.event(name).isSet()).toBe(true);
    expect(control.t0.value).toBe(1e9);
    expect(control.clockAnchor.value).toBe(-3);
    for (const name of EVENTS) control.event(name).clear();
    expect(control.barrier.broken).toBe(true);
    expect(control.t0.value).toBe(1e9);
  });

  it('a second wrapper of the buffer (as in a worker) sees and changes the same state', () => {
    const control = ControlBlock.create(2, 7);
    const other = new ControlBlock(control.buffer);
    expect(other.t0.value).toBe(-1);
    expect(other.clockAnchor.value).toBe(7);
    expect(other.barrier.parties).toBe(2);
    control.t0.value = 100.5;
    other.pause.set();
    expect(other.t0.value).toBe(100.5);
    expect(control.pause.isSet()).toBe(true);
    expect(control.stop.isSet()).toBe(false);
  });

  it('a worker wrapping the buffer sees t0 and the events set by the test thread, and vice versa', async () => {
    const control = ControlBlock.create(2, 0);
    const w = startWorker(
      `const control = new core.ControlBlock(workerData.buffer);
       const arrival = control.barrier.wait(60);
       const started = control.start.wait(60);
       post({ arrival, started, t0: control.t0.value, stop: control.stop.isSet() });
       control.raise.set();
       control.stop.set();`,
      { buffer: control.buffer },
    );
    workers.push(w);
    const arrival = await control.barrier.waitAsync(60);
    control.t0.value = 1_700_000_123.5;
    control.start.set();
    const seen = (await w.next()) as { arrival: number; started: boolean; t0: number; stop: boolean };
    expect([arrival, seen.arrival].sort()).toEqual([0, 1]);
    expect(seen).toMatchObject({ started: true, t0: 1_700_000_123.5, stop: false });
    await expect(control.stop.waitAsync(60)).resolves.toBe(true);
    expect(control.raise.isSet()).toBe(true);
    expect(control.kbi.isSet()).toBe(false);
    expect(control.pause.isSet()).toBe(false);
  });
});
