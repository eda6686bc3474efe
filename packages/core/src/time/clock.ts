import { setTimeout as sleepMs } from 'node:timers/promises';
import { blockFor } from '../sync/atomics-wait.js';

/**
 * The time source of Blocks and Links. Tests replace it to drive time by
 * hand; the default reads a monotonic clock shared by every thread.
 */
export interface Clock {
  /** Seconds since the epoch. */
  time(): number;
  /** Waits `seconds` (without blocking the event loop when asynchronous). */
  sleep(seconds: number): Promise<void> | void;
  /**
   * Blocks the thread for `seconds`, precisely (to tens of µs) but without
   * letting the event loop turn. Optional: the loop timer of a Block whose
   * clock has none sleeps with {@link Clock.sleep} and busy-waits the rest.
   */
  wait?(seconds: number): void;
}

/** Offset (s) between this thread's `performance.now()` and the process-wide monotonic clock. */
const threadOffset = measureThreadOffset();

/** Epoch minus monotonic seconds; every thread of a run uses the main thread's value. */
let epochAnchor = Date.now() / 1000 - monotonic();

function measureThreadOffset(): number {
  let best = Infinity;
  let offset = 0;
  for (let i = 0; i < 5; i++) {
    const before = performance.now();
    const hr = Number(process.hrtime.bigint()) / 1e9;
    const after = performance.now();
    if (after - before < best) {
      best = after - before;
      offset = hr - (before + after) / 2000;
    }
  }
  return offset;
}

/** Monotonic seconds, the same origin in every thread of the process. */
export function monotonic(): number {
  return performance.now() / 1000 + threadOffset;
}

/** The epoch anchor of this thread (see {@link setClockAnchor}). */
export function clockAnchor(): number {
  return epochAnchor;
}

/** Aligns this thread's clock with the run's (set from the control block in workers). */
export function setClockAnchor(anchor: number): void {
  epochAnchor = anchor;
}

/** The default clock: monotonic, anchored to the epoch, shared by every thread of a run. */
export const systemClock: Clock = {
  time: () => monotonic() + epochAnchor,
  sleep: (seconds: number) => sleepMs(Math.max(0, seconds * 1000)),
  wait: (seconds: number) => blockFor(seconds * 1000),
};
