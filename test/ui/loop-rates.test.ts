// The run panel's loop rates, computed from readings of the loop counters
// made by hand: a steady window, honest for slow and stalled Blocks.
import { describe, expect, it } from 'vitest';
import { LoopRates } from '../../packages/ui/src/loop-rates.js';

/** The run's start, in seconds of the clock (0 means "no loop yet" in a reading). */
const T0 = 1000;
/** The server reads the counters 4 times a second. */
const STEP = 0.25;

/** Loop start times from `first`, every `period` s, until `until` (relative to T0). */
function starts(first: number, period: number, until: number): number[] {
  const times: number[] = [];
  for (let t = first; t <= until + 1e-9; t += period) times.push(T0 + t);
  return times;
}

/**
 * Feeds `rates` the readings of Blocks that started loops at `loops[b]`
 * (times of the clock), every STEP s from T0 to T0 + `duration`; returns the
 * rates after each reading, one array per reading.
 */
function replay(rates: LoopRates, loops: number[][], duration: number, offset = 0): Array<Array<number | null>> {
  const seen: Array<Array<number | null>> = [];
  for (let k = 0; k * STEP <= duration + 1e-9; k++) {
    const time = T0 + k * STEP + 0.01;
    const done = loops.map((times) => times.filter((t) => t <= time));
    rates.add({ time, counts: done.map((d) => (d.length + offset) | 0), lastLoops: done.map((d) => d.at(-1) ?? 0) });
    seen.push(rates.rates());
  }
  return seen;
}

describe('the run panel loop rates', () => {
  it('read a steady 10 at every reading of a 10 Hz Block, once it has looped twice', () => {
    const seen = replay(new LoopRates(), [starts(0, 0.1, 20)], 20);
    for (const [rate] of seen.slice(1)) expect(rate).toBeCloseTo(10, 6);
  });

  it('average over the window: a Block alternating 0.05 s and 0.15 s loops reads 10, not 20 and 6.7', () => {
    const times: number[] = [];
    for (let t = 0; t <= 20; t += 0.2) times.push(T0 + t, T0 + t + 0.05);
    const seen = replay(new LoopRates(), [times], 20);
    // Past the first window of 5 s, every reading averages over many loops.
    for (const [rate] of seen.slice(5 / STEP)) expect(rate).toBeGreaterThan(9.8);
    for (const [rate] of seen.slice(5 / STEP)) expect(rate).toBeLessThan(10.2);
  });

  it('read 0.5 for a Recorder looping every 2 s, and 0.1 for one looping every 10 s, at every reading', () => {
    const seen = replay(new LoopRates(), [starts(0, 2, 60), starts(0, 10, 60)], 60);
    for (const [rate] of seen.slice(2 / STEP + 1)) expect(rate).toBeCloseTo(0.5, 6);
    for (const [, rate] of seen.slice(10 / STEP + 1)) expect(rate).toBeCloseTo(0.1, 6);
  });

  it('are null before the first loop and 0 after only one', () => {
    const seen = replay(new LoopRates(), [starts(2, 100, 3)], 3);
    expect(seen[0]).toEqual([null]);
    expect(seen.at(-1)).toEqual([0]);
  });

  it("go down towards 0 when a Block stops looping, and reach it once its loops are a minute old", () => {
    const seen = replay(new LoopRates(), [starts(0, 0.1, 10)], 80).map(([rate]) => rate!);
    const at = (t: number): number => seen[Math.round(t / STEP)]!;
    expect(at(10)).toBeCloseTo(10, 6);
    // Its loop twice late at the next reading, lower at every reading from then on.
    for (let t = 10.25; t < 70; t += STEP) expect(at(t)).toBeLessThan(at(t - STEP));
    expect(at(12)).toBeLessThan(7);
    expect(at(30)).toBeLessThan(0.2);
    expect(at(80)).toBe(0);
  });

  it('count across the wrap of the Int32 loop counter', () => {
    const seen = replay(new LoopRates(), [starts(0, 0.1, 10)], 10, 2 ** 31 - 20);
    expect(seen.at(-1)![0]).toBeCloseTo(10, 6);
  });
});
