/** Settings of a {@link WakeMargin}, in seconds. */
export interface WakeMarginOptions {
  /** The margin before any oversleep was measured. */
  initial: number;
  /** The smallest margin. */
  min: number;
  /** The largest margin. */
  max: number;
}

/** How many of the latest oversleeps the margin is learned from. */
const WINDOW = 100;
/** The margin is the oversleep that this share of the window does not exceed... */
const QUANTILE = 0.99;
/** ...but at most this many times the median oversleep. */
const SPREAD = 3;
/** The margin is recomputed after this many new oversleeps (sorting the window each time would cost more than it brings). */
const RECOMPUTE_EVERY = 10;

/**
 * How early a thread must ask to wake up so that it is not late: learned
 * from its own measured oversleeps (how much later than asked its sleeps
 * ended). The margin is the 99th percentile of the last 100 oversleeps, but
 * at most 3 times their median: it covers the spread of the usual wake-ups,
 * not the rare ones that a busy machine or a virtual CPU woken from idle
 * makes milliseconds late, which would cost much more busy-waiting than they
 * are worth. It is kept between `min` and `max`, and recomputed every 10
 * oversleeps (at once when an oversleep exceeds it, so that a late wake-up
 * widens it without delay).
 */
export class WakeMargin {
  private readonly samples = new Float64Array(WINDOW);
  private readonly sorted = new Float64Array(WINDOW);
  private count = 0;
  private sinceRecompute = 0;
  private current: number;

  /** @param options the starting margin and its bounds (s) */
  constructor(private readonly options: WakeMarginOptions) {
    this.current = clamp(options.initial, options.min, options.max);
  }

  /** The margin now (s). */
  get value(): number {
    return this.current;
  }

  /** The smallest oversleep of the window (s), `Infinity` before the first one: what the sleep costs at best. */
  get best(): number {
    let best = Infinity;
    for (let i = 0; i < Math.min(this.count, WINDOW); i++) best = Math.min(best, this.samples[i]!);
    return best;
  }

  /** How many oversleeps were recorded so far. */
  get recorded(): number {
    return this.count;
  }

  /** Records one oversleep (s; negative when the sleep ended early). */
  record(oversleep: number): void {
    this.samples[this.count % WINDOW] = oversleep;
    this.count += 1;
    this.sinceRecompute += 1;
    if (this.sinceRecompute >= RECOMPUTE_EVERY || oversleep > this.current) this.recompute();
  }

  private recompute(): void {
    this.sinceRecompute = 0;
    const n = Math.min(this.count, WINDOW);
    const window = this.sorted.subarray(0, n);
    window.set(this.samples.subarray(0, n));
    window.sort();
    const rank = Math.min(n - 1, Math.ceil(QUANTILE * n) - 1);
    const median = window[(n - 1) >> 1]!;
    this.current = clamp(Math.min(window[rank]!, SPREAD * median), this.options.min, this.options.max);
  }
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
