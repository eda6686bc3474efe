/**
 * Pause and loop-frequency bookkeeping of a running Block (the original's
 * tests/block/test_04_pause_freq.py; cases P1–P7 below): loop() is skipped
 * while paused (unless the Block is not pausable) but the bookkeeping goes on;
 * with displayFreq the loops/s window restarts after more than 2 s. The Block
 * runs alone in this thread; the test sets and clears the run's events while it
 * runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LogLevel, reset } from '../../packages/core/src/index.js';
import {
  eventStates,
  TestClock,
  joinRun,
  lifecycle,
  runInThread,
  sleep,
  TestBlock,
  waitUntil,
  type InThreadRun,
} from './block-harness.js';

afterEach(() => {
  reset();
});

/** Sets stop and waits (≤ 3 s, generously polled) for finish() to have run. */
async function stopAndJoin(block: TestBlock, run: InThreadRun): Promise<void> {
  run.control.stop.set();
  expect(await waitUntil(() => block.finished, 3000), 'finished within 3 s of stop').toBe(true);
  expect(await joinRun(run)).toBe(true);
}

describe('pause and frequency (P1–P7)', () => {
  it('P1 stop already set: begin and finish run, loop never does', async () => {
    const block = new TestBlock({ displayFreq: true, stop: false });
    const run = runInThread(block, { start: true, stop: true });
    expect(await joinRun(run)).toBe(true);

    expect(eventStates(run.control)).toMatchObject({ broken: false, raise: false, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: true, looped: false, finished: true });
    // recorded on entry to finish(): the bookkeeping started, no loop counted
    expect(block.lastT).toBeGreaterThan(-1);
    expect(block.lastFps).toBeGreaterThan(-1);
    expect(block.lastT).toBeGreaterThanOrEqual(block.lastFps);
    expect(block.nLoops).toBe(0);
    expect(block.loops).toBe(0);
  });

  it('P2 free run: loops keep coming until stop, with the bookkeeping moving', async () => {
    const block = new TestBlock({ displayFreq: true, stop: false });
    const run = runInThread(block);
    expect(await waitUntil(() => block.looped), 'looped within 3 s').toBe(true);

    expect(block.lastT).toBeGreaterThan(-1);
    expect(block.lastFps).toBeGreaterThan(-1);
    expect(block.lastT).toBeGreaterThanOrEqual(block.lastFps);
    expect(await waitUntil(() => block.nLoops > 0), 'the loops are counted').toBe(true);
    expect(lifecycle(block)).toEqual({ prepared: true, begun: true, looped: true, finished: false });

    const t = block.lastT;
    const loops = block.loops;
    await sleep(500);
    expect(block.lastT).toBeGreaterThan(t);
    expect(block.loops).toBeGreaterThan(loops);
    expect(block.finished).toBe(false);

    await stopAndJoin(block, run);
    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: false, kbi: false });
  });

  it('P3 pause: loop() is skipped while paused, the bookkeeping goes on', async () => {
    const block = new TestBlock({ displayFreq: true, stop: false });
    const run = runInThread(block);
    expect(await waitUntil(() => block.looped), 'looped within 3 s').toBe(true);
    run.control.pause.set();
    const loopsAtPause = block.loops;
    await sleep(500);

    expect(block.lastT).toBeGreaterThan(-1);
    expect(block.lastFps).toBeGreaterThan(-1);
    expect(block.lastT).toBeGreaterThanOrEqual(block.lastFps);
    expect(block.loops).toBeGreaterThan(0);
    // no loop at all since the pause was set
    expect(block.loops).toBe(loopsAtPause);
    const t = block.lastT;
    const loops = block.loops;

    await sleep(500);
    await stopAndJoin(block, run);
    // recorded on entry to finish(): the loop time moved while paused
    expect(block.lastT).toBeGreaterThan(t);
    expect(block.loops).toBe(loops);
    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: false, kbi: false });
  });

  it('P4 pause then resume: loops stop, then start again', async () => {
    const block = new TestBlock({ displayFreq: true, stop: false });
    const run = runInThread(block);
    expect(await waitUntil(() => block.looped), 'looped within 3 s').toBe(true);
    run.control.pause.set();
    const loopsAtPause = block.loops;
    await sleep(500);

    expect(block.lastT).toBeGreaterThan(-1);
    expect(block.lastFps).toBeGreaterThan(-1);
    expect(block.lastT).toBeGreaterThanOrEqual(block.lastFps);
    expect(block.loops).toBeGreaterThan(0);
    const t = block.lastT;
    const loops = block.loops;
    expect(loops).toBe(loopsAtPause);

    await sleep(500);
    expect(block.loops).toBe(loops);

    run.control.pause.clear();
    await sleep(500);
    expect(block.lastT).toBeGreaterThan(t);
    expect(block.loops).toBeGreaterThan(loops);

    await stopAndJoin(block, run);
    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: false, kbi: false });
  });

  it('P5 paused before the start: begin runs, loop never does, the bookkeeping still starts', async () => {
    const block = new TestBlock({ displayFreq: true, stop: false });
    const run = runInThread(block, { pause: true });
    expect(await waitUntil(() => block.begun), 'begun within 3 s').toBe(true);
    await sleep(500);

    expect(block.loops).toBe(0);
    // the last lifecycle method entered is begin(), before the bookkeeping starts
    const t = block.lastT;
    expect(t).toBe(-1);

    await sleep(500);
    await stopAndJoin(block, run);
    expect(block.lastT).toBeGreaterThan(t);
    expect(block.lastT).toBeGreaterThanOrEqual(block.lastFps);
    expect(block.loops).toBe(0);
    expect(block.looped).toBe(false);
    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: false, kbi: false });
  });

  it('P6 not pausable: loop() runs even while paused', async () => {
    const block = new TestBlock({ pausable: false, stop: false });
    const run = runInThread(block, { pause: true });
    expect(await waitUntil(() => block.looped), 'looped within 3 s').toBe(true);

    expect(block.loops).toBeGreaterThan(0);
    expect(block.lastT).toBeGreaterThanOrEqual(block.lastFps);
    const loops = block.loops;
    expect(await waitUntil(() => block.loops > loops), 'keeps looping while paused').toBe(true);
    expect(run.control.pause.isSet()).toBe(true);

    await stopAndJoin(block, run);
    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: false, kbi: false });
  });

  it('P7 displayFreq: the loops/s window restarts only after more than 2 s', async () => {
    const block = new TestBlock({ displayFreq: true, stop: false });
    const run = runInThread(block);
    expect(await waitUntil(() => block.looped), 'looped within 3 s').toBe(true);
    // wait until the window is young, so that the next second stays inside it
    expect(await waitUntil(() => block.lastT - block.lastFps <= 0.5, 5000, 100)).toBe(true);
    await sleep(500);

    expect(eventStates(run.control)).toEqual({ start: true, stop: false, broken: false, raise: false, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: true, looped: true, finished: false });
    expect(block.nLoops).toBeGreaterThan(0);
    expect(block.loops).toBeGreaterThan(0);
    expect(block.lastT).toBeGreaterThanOrEqual(block.lastFps);
    const first = { loops: block.loops, nLoops: block.nLoops, lastT: block.lastT, lastFps: block.lastFps };

    await sleep(500);
    const second = { loops: block.loops, nLoops: block.nLoops, lastT: block.lastT, lastFps: block.lastFps };
    expect(second.loops).toBeGreaterThan(first.loops);
    expect(second.lastT).toBeGreaterThan(first.lastT);
    if (second.lastT - first.lastFps <= 2) {
      // still inside the window (the usual case): it was not restarted, its count grew
      expect(second.lastFps).toBe(first.lastFps);
      expect(second.nLoops).toBeGreaterThan(first.nLoops);
    } else {
      // this thread stalled past the window's end: it must then have restarted
      expect(second.lastFps).toBeGreaterThan(first.lastFps);
    }

    await sleep(2500);
    expect(block.lastFps).toBeGreaterThan(second.lastFps);
    // the restart logged the rate at INFO
    const rates = run.logs.filter((r) => r.level === LogLevel.INFO && /^loops\/s: /.test(r.message));
    expect(rates.length).toBeGreaterThan(0);
    expect(Number(rates[0]!.message.slice('loops/s: '.length))).toBeGreaterThan(0);

    await stopAndJoin(block, run);
    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: false, kbi: false });
  });

  it('P7 without displayFreq: the window never restarts and nothing is logged', async () => {
    const block = new TestBlock({ displayFreq: false, stop: false });
    // an injected clock makes "more than 2 s" instantaneous
    const clock = new TestClock(100, 0.01);
    block.clock = clock;
    const run = runInThread(block);
    expect(await waitUntil(() => clock.now > 110), 'the Block ran for more than 10 s of its clock').toBe(true);
    const { lastFps } = block.internals;
    await stopAndJoin(block, run);
    expect(lastFps).toBe(100);
    expect(block.lastFps).toBe(100);
    expect(run.logs.filter((r) => /loops\/s/.test(r.message))).toEqual([]);
  });

  it('freq with an injected clock: each period counts from the previous loop, no catch-up after a slow loop', async () => {
    const freq = 10;
    const period = 1 / freq;
    const clock = new TestClock(100, 1e-4);
    const loopTimes: number[] = [];
    const block = new TestBlock({
      freq,
      stop: false,
      body: (b) => {
        loopTimes.push(b.lastT);
        // loop 3 is slow: it takes 3.5 periods
        if (b.loops === 3) clock.now += 3.5 * period;
        if (b.loops === 6) b.stop();
      },
    });
    block.clock = clock;
    const run = runInThread(block);
    expect(await joinRun(run)).toBe(true);
    expect(run.control.raise.isSet()).toBe(false);

    expect(loopTimes).toHaveLength(6);
    const gaps = loopTimes.slice(1).map((t, i) => t - loopTimes[i]!);
    for (const [i, gap] of gaps.entries()) {
      expect(gap, `gap ${i}`).toBeGreaterThanOrEqual(period);
    }
    // normal periods end right after their target
    for (const i of [0, 1, 3, 4]) expect(gaps[i]!, `gap ${i}`).toBeLessThan(period + 0.005);
    // the slow loop is not followed by a wait, nor by shorter periods to catch up
    expect(gaps[2]!).toBeGreaterThanOrEqual(3.5 * period);
    expect(gaps[2]!).toBeLessThan(3.5 * period + 0.005);
    // without a blocking wait on the clock, one timer sleep ends the timer margin (2 ms at first) before the target
    expect(clock.sleeps[0]!).toBeCloseTo(period - 0.002, 3);
    expect(clock.sleeps).toHaveLength(5);
    for (const s of clock.sleeps) expect(s).toBeGreaterThan(0);
  });
});
