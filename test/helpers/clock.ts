/**
 * The clock of the in-thread tests, for the Blocks, InOuts, Actuators and
 * Paths driven by hand.
 */
import type { Clock } from '../../packages/core/src/index.js';

/**
 * A clock that returns scripted times: the queued values first, then `now`,
 * which moves by `step` at each `time()` call (so that busy-waits end), by
 * the duration of each sleep, and by {@link TestClock.advance}. Counts its
 * `time()` calls and records every sleep.
 */
export class TestClock implements Clock {
  /** Times returned by the next `time()` calls, before `now` is used. */
  readonly queue: number[] = [];
  /** Durations passed to `sleep()`, in order. */
  readonly sleeps: number[] = [];
  /** Number of `time()` calls. */
  calls = 0;
  /** Called during each sleep with its index (0 for the first), after time moved. */
  onSleep: ((index: number) => void) | null = null;

  /**
   * @param now the starting time (s)
   * @param step how much each `time()` call moves the time (s)
   */
  constructor(public now = 100, public step = 0) {}

  time(): number {
    this.calls += 1;
    const queued = this.queue.shift();
    if (queued !== undefined) return queued;
    const t = this.now;
    this.now += this.step;
    return t;
  }

  sleep(seconds: number): void {
    this.sleeps.push(seconds);
    this.now += seconds;
    this.onSleep?.(this.sleeps.length - 1);
  }

  /** Moves the time forward by `seconds`. */
  advance(seconds: number): this {
    this.now += seconds;
    return this;
  }
}
