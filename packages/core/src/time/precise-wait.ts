import type { Clock } from './clock.js';
import { WakeMargin } from './wake-margin.js';

/** Bounds of the learned wake-up margin of the blocking wait (s). */
const MARGIN = { initial: 5e-4, min: 1e-5, max: 2e-3 };
/** Waits measured before judging whether the clock's wait is precise. */
const CALIBRATION_WAITS = 100;
/**
 * A wait whose 10th percentile of oversleep exceeds this (s) is too coarse to
 * be worth it: a loaded machine makes many waits late, but not nearly all.
 */
const COARSE_OVERSLEEP = 1e-3;
/** Which quantile of the first waits' oversleeps is compared with {@link COARSE_OVERSLEEP}. */
const COARSE_QUANTILE = 0.1;

/**
 * Sleeps a thread until shortly before a deadline in one blocking wait
 * (the clock's `wait`, an `Atomics.wait` by default), the "shortly" being a
 * {@link WakeMargin} learned from its own oversleeps, and leaves the rest to
 * be busy-waited by the caller.
 *
 * Falls back to not sleeping at all (the caller then busy-waits), saying so
 * once through `warn`, when the clock has no `wait` or it turns out
 * imprecise: it throws (the thread may not block), or even the shortest
 * tenth of its first 100 waits overslept by more than 1 ms (no
 * high-resolution timer).
 */
export class PreciseWait {
  /** The wake-up margin, learned from the oversleeps of this wait. */
  readonly margin = new WakeMargin(MARGIN);
  private readonly oversleeps: number[] = [];
  private usable: boolean;

  /**
   * @param clock the time source, whose `wait` blocks
   * @param warn called once if the wait is found unusable, with the reason
   */
  constructor(private readonly clock: Clock, private readonly warn: (message: string) => void) {
    this.usable = typeof clock.wait === 'function';
  }

  /** Whether the blocking wait is used (false without one, or once found imprecise). */
  get available(): boolean {
    return this.usable;
  }

  /**
   * Blocks until the margin before `target` (clock seconds) if that is still
   * ahead, and learns from how late it woke up. The caller busy-waits what is
   * left until `target`.
   * @param longestMargin the margin used is at most this (s), whatever was learned
   */
  sleepUntil(target: number, longestMargin = Infinity): void {
    if (!this.usable) return;
    const clock = this.clock;
    const start = clock.time();
    const duration = target - Math.min(this.margin.value, longestMargin) - start;
    if (duration <= 0) return;
    try {
      clock.wait!(duration);
    } catch (error) {
      this.fallBack(`this thread cannot block (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const oversleep = clock.time() - start - duration;
    this.margin.record(oversleep);
    if (this.oversleeps.length < CALIBRATION_WAITS) this.calibrate(oversleep);
  }

  private calibrate(oversleep: number): void {
    this.oversleeps.push(oversleep);
    if (this.oversleeps.length < CALIBRATION_WAITS) return;
    const low = this.oversleeps.sort((a, b) => a - b)[Math.floor(COARSE_QUANTILE * CALIBRATION_WAITS)]!;
    if (low > COARSE_OVERSLEEP) {
      this.fallBack(`90 % of its first ${CALIBRATION_WAITS} waits ended more than ${(low * 1000).toFixed(1)} ms late: no high-resolution timer`);
    }
  }

  private fallBack(reason: string): void {
    this.usable = false;
    this.warn(`No precise sleep: ${reason}; busy-waiting instead, which costs CPU`);
  }
}
