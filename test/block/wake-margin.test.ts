/**
 * The sleep of paced Blocks: the wake-up margin learned from measured
 * oversleeps, and the blocking wait that uses it, driven by a fake clock.
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../packages/core/src/index.js';
import { PreciseWait } from '../../packages/core/src/time/precise-wait.js';
import { WakeMargin } from '../../packages/core/src/time/wake-margin.js';

/** A clock whose blocking wait oversleeps by `oversleep()` and records what it was asked. */
class WaitClock implements Clock {
  now = 100;
  readonly waits: number[] = [];
  oversleep: () => number = () => 0;

  time(): number {
    return this.now;
  }

  sleep(seconds: number): void {
    this.now += seconds;
  }

  wait(seconds: number): void {
    this.waits.push(seconds);
    this.now += seconds + this.oversleep();
  }
}

const BOUNDS = { initial: 5e-4, min: 1e-5, max: 2e-3 };

describe('WakeMargin', () => {
  it('starts at its initial value', () => {
    expect(new WakeMargin(BOUNDS).value).toBe(5e-4);
  });

  it('grows at once after an oversleep larger than the margin', () => {
    const margin = new WakeMargin(BOUNDS);
    margin.record(1.2e-3);
    expect(margin.value).toBeCloseTo(1.2e-3, 9);
  });

  it('settles on the 99th percentile of the last 100 oversleeps', () => {
    const margin = new WakeMargin(BOUNDS);
    // oversleeps of 100 to 199 µs: the 99th percentile is 198 µs
    for (let i = 0; i < 300; i++) margin.record((100 + (i % 100)) * 1e-6);
    expect(margin.value).toBeCloseTo(198e-6, 9);
    // once they leave the window, the margin shrinks back
    for (let i = 0; i < 100; i++) margin.record(5e-5);
    expect(margin.value).toBeCloseTo(5e-5, 9);
  });

  it('does not cover rare wake-ups more than 3 times later than the median', () => {
    const margin = new WakeMargin(BOUNDS);
    // 2 wake-ups in every 100 are 1.5 ms late, the others 60 µs: the margin is 3 × 60 µs
    for (let i = 0; i < 300; i++) margin.record(i % 50 === 0 ? 1.5e-3 : 6e-5);
    expect(margin.value).toBeCloseTo(1.8e-4, 9);
  });

  it('stays within its bounds', () => {
    const margin = new WakeMargin(BOUNDS);
    for (let i = 0; i < 100; i++) margin.record(-1e-3);
    expect(margin.value).toBe(1e-5);
    for (let i = 0; i < 100; i++) margin.record(0.5);
    expect(margin.value).toBe(2e-3);
  });
});

describe('PreciseWait', () => {
  it('blocks until the margin before the target, and leaves the rest to the caller', () => {
    const clock = new WaitClock();
    const wait = new PreciseWait(clock, () => {});
    wait.sleepUntil(100.01);
    expect(clock.waits).toHaveLength(1);
    expect(clock.waits[0]!).toBeCloseTo(0.01 - 5e-4, 9);
    expect(clock.now).toBeLessThan(100.01);
  });

  it('does not block when the target is within the margin', () => {
    const clock = new WaitClock();
    const wait = new PreciseWait(clock, () => {});
    wait.sleepUntil(100.0004);
    expect(clock.waits).toEqual([]);
  });

  it('widens its margin after oversleeps, so that it still wakes before the target', () => {
    const clock = new WaitClock();
    const wait = new PreciseWait(clock, () => {});
    clock.oversleep = () => 8e-4;
    wait.sleepUntil(clock.now + 0.01);
    // the first wait, with the initial margin of 0.5 ms, woke 0.3 ms late
    expect(clock.now - 100).toBeCloseTo(0.0103, 9);
    expect(wait.margin.value).toBeCloseTo(8e-4, 9);
    const target = clock.now + 0.01;
    wait.sleepUntil(target);
    expect(clock.now).toBeCloseTo(target, 9);
    expect(clock.now).toBeLessThanOrEqual(target);
  });

  it('falls back to not blocking, and says so once, when the wait throws', () => {
    const clock = new WaitClock();
    const warnings: string[] = [];
    const wait = new PreciseWait(clock, (message) => warnings.push(message));
    clock.wait = () => {
      throw new TypeError('Atomics.wait cannot be called in this context');
    };
    for (let i = 0; i < 5; i++) wait.sleepUntil(clock.now + 0.01);
    expect(wait.available).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^No precise sleep: this thread cannot block \(Atomics.wait cannot be called in this context\)/);
  });

  it('falls back to not blocking, and says so once, when its waits are coarse', () => {
    const clock = new WaitClock();
    const warnings: string[] = [];
    const wait = new PreciseWait(clock, (message) => warnings.push(message));
    // a coarse timer: every wait ends 1.5 to 3.5 ms late
    let i = 0;
    clock.oversleep = () => 1.5e-3 + (i++ % 3) * 1e-3;
    for (let i = 0; i < 150; i++) wait.sleepUntil(clock.now + 0.02);
    expect(wait.available).toBe(false);
    expect(clock.waits).toHaveLength(100);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^No precise sleep: 90 % of its first 100 waits ended more than 1.5 ms late: no high-resolution timer/);
  });

  it('keeps blocking when its waits are precise but often late, and does nothing without a wait on the clock', () => {
    const clock = new WaitClock();
    const warnings: string[] = [];
    const wait = new PreciseWait(clock, (message) => warnings.push(message));
    // a loaded machine: most waits end 3 ms late, a fifth of them 0.1 ms late
    let i = 0;
    clock.oversleep = () => (i++ % 5 === 0 ? 1e-4 : 3e-3);
    for (let i = 0; i < 150; i++) wait.sleepUntil(clock.now + 0.02);
    expect(wait.available).toBe(true);
    expect(clock.waits).toHaveLength(150);
    expect(warnings).toEqual([]);

    const { wait: _, ...withoutWait } = { time: () => 0, sleep: () => {}, wait: () => {} };
    const none = new PreciseWait(withoutWait, (message) => warnings.push(message));
    expect(none.available).toBe(false);
    none.sleepUntil(1);
    expect(warnings).toEqual([]);
  });
});
