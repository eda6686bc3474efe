/**
 * The run cycle of one Block (the original's tests/block/test_03_run_cycle.py;
 * cases R1–R7 below): prepare → barrier → start within 1 s → begin → loop until
 * stop → always finish, and what each failure leaves in the control block. The
 * Block runs alone, in this thread, with a control block of one party.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ControlBlock, link, LogLevel, reset, runBlock, systemClock } from '../../packages/core/src/index.js';
import { eventStates, joinRun, lifecycle, runInThread, TestBlock, TestClock, type InThreadRun } from './block-harness.js';

afterEach(() => {
  reset();
});

/** Runs the Block to its end and returns the run. */
async function runToEnd(block: TestBlock, setup: Parameters<typeof runInThread>[1]): Promise<InThreadRun> {
  const run = runInThread(block, setup);
  expect(await joinRun(run), 'the Block ends within 4 s').toBe(true);
  return run;
}

const errors = (run: InThreadRun): string[] => run.logs.filter((r) => r.level >= LogLevel.ERROR).map((r) => r.message);

describe('run cycle of a Block (R1–R7)', () => {
  it('R1 normal run: every lifecycle method runs in order, start and stop set, nothing raised', async () => {
    const block = new TestBlock();
    const run = await runToEnd(block, { start: true });

    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: false, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: true, looped: true, finished: true });
    expect(block.calls).toEqual(['prepare', 'begin', 'loop', 'finish']);
    // loop() stopped the run on its first call
    expect(block.loops).toBe(1);
    // recorded on entry to finish(): the loop bookkeeping was started
    expect(block.lastT).toBeGreaterThan(-1);
    expect(block.lastFps).toBeGreaterThan(-1);
    expect(errors(run)).toEqual([]);
  });

  it('R2 prepare() throws: barrier broken, raise set, neither begin nor loop, finish still runs', async () => {
    const block = new TestBlock({ failIn: 'prepare' });
    const run = await runToEnd(block, { start: false });

    expect(eventStates(run.control)).toEqual({ start: false, stop: true, broken: true, raise: true, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: false, looped: false, finished: true });
    expect(block.calls).toEqual(['prepare', 'finish']);
    expect(block.lastT).toBe(-1);
    expect(block.lastFps).toBe(-1);
    expect(errors(run).join('\n')).toMatch(/planned failure in prepare/);
  });

  it('R3 begin() throws: raise set, no loop, finish runs before the loop bookkeeping started', async () => {
    const block = new TestBlock({ failIn: 'begin' });
    const run = await runToEnd(block, { start: true });

    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: true, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: true, looped: false, finished: true });
    expect(block.calls).toEqual(['prepare', 'begin', 'finish']);
    // the bookkeeping starts after begin(), so finish() sees it unset
    expect(block.lastT).toBe(-1);
    expect(block.lastFps).toBe(-1);
    expect(errors(run).join('\n')).toMatch(/planned failure in begin/);
  });

  it('R4 loop() throws: raise set, finish runs with the bookkeeping started', async () => {
    const block = new TestBlock({ failIn: 'loop', stop: false });
    const run = await runToEnd(block, { start: true });

    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: true, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: true, looped: true, finished: true });
    expect(block.calls).toEqual(['prepare', 'begin', 'loop', 'finish']);
    expect(block.loops).toBe(1);
    expect(block.lastT).toBeGreaterThan(-1);
    expect(block.lastFps).toBeGreaterThan(-1);
    expect(errors(run).join('\n')).toMatch(/planned failure in loop/);
  });

  it('R5 finish() throws: raise set, the rest of the cycle ran normally', async () => {
    const block = new TestBlock({ failIn: 'finish' });
    const run = await runToEnd(block, { start: true });

    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: true, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: true, looped: true, finished: true });
    expect(block.calls).toEqual(['prepare', 'begin', 'loop', 'finish']);
    expect(block.lastT).toBeGreaterThan(-1);
    expect(block.lastFps).toBeGreaterThan(-1);
    expect(errors(run).join('\n')).toMatch(/planned failure in finish/);
  });

  it('R6 barrier already broken: PrepareError, which does not set raise; finish still runs', async () => {
    const block = new TestBlock();
    const run = await runToEnd(block, { start: false, abortBarrier: true });

    expect(eventStates(run.control)).toEqual({ start: false, stop: true, broken: true, raise: false, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: false, looped: false, finished: true });
    expect(block.calls).toEqual(['prepare', 'finish']);
    expect(block.lastT).toBe(-1);
    expect(block.lastFps).toBe(-1);
    // reported in the log as a warning (it only follows another Block's failure), not as a failure of the run
    expect(errors(run)).toHaveLength(0);
    expect(run.logs.filter((r) => r.level === LogLevel.WARNING).map((r) => r.message)).toEqual([
      `${block.name}: another Block failed while preparing, or the run was interrupted`,
    ]);
  });

  it('R7 start never set: StartTimeout after 1 s sets raise; finish still runs', async () => {
    const block = new TestBlock();
    const before = performance.now();
    const run = await runToEnd(block, { start: false });
    const waited = (performance.now() - before) / 1000;

    expect(eventStates(run.control)).toEqual({ start: false, stop: true, broken: false, raise: true, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: false, looped: false, finished: true });
    expect(block.calls).toEqual(['prepare', 'finish']);
    expect(block.lastT).toBe(-1);
    expect(block.lastFps).toBe(-1);
    expect(errors(run).join('\n')).toMatch(/StartTimeout/);
    // it waited for the start signal before giving up (a lower bound only)
    expect(waited).toBeGreaterThanOrEqual(0.95);
  });

  it('R7 (start set late, within the 1 s timeout): the Block begins normally', async () => {
    const block = new TestBlock();
    const run = runInThread(block, { start: false });
    setTimeout(() => run.control.start.set(), 200);
    expect(await joinRun(run)).toBe(true);

    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: false, kbi: false });
    expect(block.calls).toEqual(['prepare', 'begin', 'loop', 'finish']);
  });
});

describe('runBlock on a Block nobody attached to the run', () => {
  it('attaches it itself: stop() in loop() ends the run and t0 is readable', async () => {
    const block = new TestBlock();
    const control = ControlBlock.create(1, 0);
    control.t0.value = systemClock.time();
    control.start.set();
    let t0: number | null = null;
    block.finish = () => {
      t0 = block.t0;
    };
    await runBlock(block, control);
    expect(block.loops).toBe(1);
    expect(eventStates(control)).toEqual({ start: true, stop: true, broken: false, raise: false, kbi: false });
    expect(t0).toBe(control.t0.value);
  });
});

describe('a timed recvAllData() in finish()', () => {
  it('waits its whole delay although stop is set, collecting what arrives meanwhile', async () => {
    const sender = new TestBlock();
    const block = new TestBlock();
    link(sender, block);
    const clock = new TestClock(100);
    clock.onSleep = (i) => sender.send({ i });
    block.clock = clock;
    let got: Record<string, unknown[]> = {};
    block.finish = async () => {
      got = await block.recvAllData(1, 0.25);
    };
    expect(await joinRun(runInThread(block, { start: true })), 'the Block ends within 4 s').toBe(true);
    expect(clock.sleeps).toHaveLength(4);
    expect(got).toEqual({ i: [0, 1, 2, 3] });
  });

  it('in loop(), ends early once the run stops', async () => {
    const block = new TestBlock({ stop: false });
    const clock = new TestClock(100);
    block.clock = clock;
    block.loop = async () => {
      block.stop();
      await block.recvAllData(1, 0.25);
    };
    expect(await joinRun(runInThread(block, { start: true })), 'the Block ends within 4 s').toBe(true);
    expect(clock.sleeps).toEqual([]);
  });
});
