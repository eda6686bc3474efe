import { afterEach, describe, expect, it } from 'vitest';
import { SharedEvent } from '../../packages/core/src/sync/shared-event.js';
import { sleep, startWorker, type TestWorker } from './threads.js';

const workers: TestWorker[] = [];

function inWorker(body: string, event: SharedEvent, extra: Record<string, unknown> = {}): TestWorker {
  const w = startWorker(
    `const event = new core.SharedEvent(new Int32Array(workerData.buffer), workerData.index);\n${body}`,
    { buffer: event.cells.buffer, index: event.index, ...extra },
  );
  workers.push(w);
  return w;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
});

describe('SharedEvent', () => {
  it('starts clear; set(), clear() and isSet() behave like a flag', () => {
    const event = SharedEvent.create();
    expect(event.isSet()).toBe(false);
    event.set();
    expect(event.isSet()).toBe(true);
    event.set();
    expect(event.isSet()).toBe(true);
    event.clear();
    expect(event.isSet()).toBe(false);
    event.clear();
    expect(event.isSet()).toBe(false);
  });

  it('two wrappers of the same cell see the same flag; other cells are untouched', () => {
    const cells = new Int32Array(new SharedArrayBuffer(12));
    const a = new SharedEvent(cells, 1);
    const b = new SharedEvent(cells, 1);
    const neighbour = new SharedEvent(cells, 2);
    a.set();
    expect(b.isSet()).toBe(true);
    expect(neighbour.isSet()).toBe(false);
    expect([cells[0], cells[2]]).toEqual([0, 0]);
    b.clear();
    expect(a.isSet()).toBe(false);
  });

  it('wait() returns true at once when set, false after the timeout when not', () => {
    const event = SharedEvent.create();
    const started = performance.now();
    expect(event.wait(0.05)).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(event.wait(0)).toBe(false);
    expect(event.wait(-1)).toBe(false);
    event.set();
    expect(event.wait(0)).toBe(true);
    expect(event.wait(30)).toBe(true);
    expect(event.wait()).toBe(true);
    expect(event.wait(null)).toBe(true);
  });

  it('waitAsync() resolves true at once when set, false after the timeout when not', async () => {
    const event = SharedEvent.create();
    const started = performance.now();
    await expect(event.waitAsync(0.05)).resolves.toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    await expect(event.waitAsync(0)).resolves.toBe(false);
    event.set();
    await expect(event.waitAsync(0)).resolves.toBe(true);
    await expect(event.waitAsync()).resolves.toBe(true);
  });

  it('waitAsync() without a timeout resolves when the same thread sets the event later', async () => {
    const event = SharedEvent.create();
    const waiting = event.waitAsync();
    setTimeout(() => event.set(), 20);
    await expect(waiting).resolves.toBe(true);
  });

  it('waitAsync() keeps waiting through a clear() and resolves on the next set()', async () => {
    const event = SharedEvent.create();
    let result: boolean | null = null;
    const waiting = event.waitAsync(30).then((r) => (result = r));
    event.clear();
    await sleep(30);
    expect(result).toBeNull();
    event.set();
    await waiting;
    expect(result).toBe(true);
  });

  it('a worker blocked in wait() wakes when the test thread sets the event', async () => {
    const event = SharedEvent.create();
    const thread = inWorker(
      `post('waiting');
       const got = event.wait(60);
       post({ got, isSet: event.isSet() });`,
      event,
    );
    await thread.next((m) => m === 'waiting');
    await sleep(30);
    expect(thread.messages).toEqual(['waiting']);
    event.set();
    await expect(thread.next((m) => typeof m === 'object')).resolves.toEqual({ got: true, isSet: true });
  });

  it('a worker waiting with waitAsync() wakes when the test thread sets the event', async () => {
    const event = SharedEvent.create();
    const thread = inWorker(
      `post('waiting');
       const got = await event.waitAsync(60);
       post({ got });`,
      event,
    );
    await thread.next((m) => m === 'waiting');
    await sleep(30);
    event.set();
    await expect(thread.next((m) => typeof m === 'object')).resolves.toEqual({ got: true });
  });

  it('the test thread waiting with waitAsync() wakes when a worker sets the event', async () => {
    const event = SharedEvent.create();
    const waiting = event.waitAsync(60);
    inWorker('sleepMs(30); event.set(); post("set");', event);
    await expect(waiting).resolves.toBe(true);
    expect(event.isSet()).toBe(true);
  });

  it('in a worker, wait() and waitAsync() time out with false when nobody sets the event', async () => {
    const event = SharedEvent.create();
    const thread = inWorker(
      `const sync = event.wait(0.1);
       const asyncResult = await event.waitAsync(0.1);
       post({ sync, asyncResult });`,
      event,
    );
    // waitAsync() must keep the worker alive until its timeout: it posts before exiting.
    await expect(thread.next()).resolves.toEqual({ sync: false, asyncResult: false });
    expect(event.isSet()).toBe(false);
  });

  it('a clear() from another thread is seen at once', async () => {
    const event = SharedEvent.create();
    event.set();
    const thread = inWorker('event.clear(); post("cleared");', event);
    await thread.next();
    expect(event.isSet()).toBe(false);
  });
});
