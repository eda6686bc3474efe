// The run's start time t0 and the start timeout (the original's
// tests/block/test_06_time.py; cases T1-T4). T1 and T2 drive one Block
// in-thread with runBlock and a control block built by hand; T3 and T4 use a
// full run in a child process.
import { afterEach, describe, expect, it } from 'vitest';
import {
  Block,
  ControlBlock,
  LogLevel,
  reset,
  runBlock,
  runState,
  START_TIMEOUT,
  T0NotSetError,
  type LogRecord,
} from '../../packages/core/src/index.js';
import { dump, events, mainEvent } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';
import { eventStates } from './block-harness.js';

/** Records its lifecycle, like the original's instrumented TestBlock; optionally reads t0 in loop(). */
class TimedBlock extends Block {
  readonly seen = { prepared: false, begun: false, looped: false, finished: false };
  t0InLoop: number | null = null;

  constructor(private readonly readT0 = false) {
    super();
  }
  override prepare(): void {
    this.seen.prepared = true;
  }
  override begin(): void {
    this.seen.begun = true;
  }
  override loop(): void {
    this.seen.looped = true;
    if (this.readT0) this.t0InLoop = this.t0;
    this.stop();
  }
  override finish(): void {
    this.seen.finished = true;
  }
}

/** A control block for one Block alone (barrier of 1), and the log records of the Block. */
function standalone(block: Block): { control: ControlBlock; records: LogRecord[] } {
  const records: LogRecord[] = [];
  runState.logSink = (record) => records.push(record);
  runState.logLevel = LogLevel.DEBUG;
  const control = ControlBlock.create(1, 0);
  block.attachRun(control);
  return { control, records };
}

afterEach(() => reset());

describe('T1: t0 before it is set', () => {
  it('throws T0NotSetError outside a run', () => {
    const block = new TimedBlock();
    expect(() => block.t0).toThrow(T0NotSetError);
  });

  it('throws T0NotSetError while the t0 cell holds -1 or 0, and gives it once positive', () => {
    const block = new TimedBlock();
    const { control } = standalone(block);
    expect(control.t0.value).toBe(-1);
    expect(() => block.t0).toThrow(T0NotSetError);
    control.t0.value = 0;
    expect(() => block.t0).toThrow(T0NotSetError);
    control.t0.value = 1234.5;
    expect(block.t0).toBe(1234.5);
  });

  it('a Block reading t0 in loop() while it is not set fails the run: raise and stop set, finish() ran', async () => {
    const block = new TimedBlock(true);
    const { control, records } = standalone(block);
    control.start.set(); // started, but t0 left at -1
    await runBlock(block, control);
    expect(eventStates(control)).toEqual({ start: true, stop: true, broken: false, raise: true, kbi: false });
    expect(block.seen).toEqual({ prepared: true, begun: true, looped: true, finished: true });
    expect(block.t0InLoop).toBeNull();
    const errors = records.filter((r) => r.level === LogLevel.ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.name).toBe(block.name);
    expect(errors[0]!.message).toMatch(/T0NotSetError/);
  });
});

describe('T2: the start signal never comes', () => {
  it(`fails with StartTimeout after ${START_TIMEOUT} s: raise and stop set, never begun, finish() ran`, async () => {
    const block = new TimedBlock();
    const { control, records } = standalone(block);
    const started = performance.now();
    await runBlock(block, control);
    const elapsed = (performance.now() - started) / 1000;
    expect(START_TIMEOUT).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(0.99);
    expect(elapsed).toBeLessThan(10);
    expect(eventStates(control)).toEqual({ start: false, stop: true, broken: false, raise: true, kbi: false });
    expect(block.seen).toEqual({ prepared: true, begun: false, looped: false, finished: true });
    const errors = records.filter((r) => r.level === LogLevel.ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/StartTimeout/);
  });
});

describe('T3, T4: t0 of a full run', () => {
  it('is the epoch time of the start, shared by the Block, and readable after the run through the Block', async () => {
    const result = await runScript('block/time.ts', { timeoutMs: 45_000 });
    expect(result.code, dump(result)).toBe(0);
    // Before the run, t0 throws, in every thread.
    expect(events(result, 'before').map((m) => m.error)).toEqual(['T0NotSetError', 'T0NotSetError']);

    const after = mainEvent(result, 'after');
    const t0 = after.t0 as number;
    // T3: read through the Block's own reference after the run (and after reset()).
    expect(after.instances).toBe(0);
    expect(t0).toBeGreaterThan(0);
    // T4: seconds since the epoch, set before the Blocks began.
    expect(Math.abs(t0 - (after.now as number))).toBeLessThan(60);
    expect(after).toMatchObject({ start: true, stop: true, broken: false, raise: false, kbi: false });

    // The Block saw the very same t0, and timestamps relative to it.
    const begin = events(result, 'begin', { main: false });
    const loops = events(result, 'loop', { main: false });
    expect(begin).toHaveLength(1);
    expect(loops).toHaveLength(3);
    for (const m of [...begin, ...loops]) expect(m.t0).toBe(t0);
    expect(begin[0]!.now as number).toBeGreaterThanOrEqual(t0 - 0.5);
    const times = loops.map((m) => m.t as number);
    expect(times[0]!).toBeGreaterThanOrEqual(0);
    expect(times[0]!).toBeLessThan(60);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[2]!).toBeGreaterThan(times[0]!);
  });
});
