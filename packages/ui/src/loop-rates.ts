/** One reading of the Blocks' loop counters, taken by the UI server. */
export interface LoopSample {
  /** When the counters were read, in seconds (the run's shared clock). */
  readonly time: number;
  /** Loops each Block has started so far (an Int32 counter: it may wrap). */
  readonly counts: readonly number[];
  /** When each Block started its latest loop, in seconds (the same clock); 0 before its first. */
  readonly lastLoops: readonly number[];
}

/** Seconds of history kept: how slow a loop can be and still get a measured rate. */
const HISTORY = 60;

/**
 * The achieved loops per second of each Block, as the run panel shows them:
 * an average over a steady window, not over the short time between two
 * broadcasts (which made a 10 Hz Block read 8, 12, 6.3, and a Block that
 * loops every 2 s read 0 three times out of four).
 *
 * A Block's rate is the number of loop periods between two loop starts
 * divided by the time between them: from the latest loop start back to the
 * one known from a sample at least `window` seconds old. A Block slower
 * than that (a Recorder waiting `delay` seconds per loop) is measured over
 * its last full loop instead, up to a minute back: a Recorder with
 * `delay: 2` reads 0.5. A loop still running after twice the average period
 * counts as a stall, its time added to the measured one, so that a Block
 * that stopped looping goes down towards 0 instead of showing its old rate;
 * its loops a minute old, it reads 0.
 */
export class LoopRates {
  private samples: LoopSample[] = [];

  /** @param window seconds of loop history a rate averages over, at least (default 5) */
  constructor(private readonly window = 5) {}

  /** Adds a reading of the counters; readings must come in time order. */
  add(sample: LoopSample): void {
    this.samples.push({ time: sample.time, counts: [...sample.counts], lastLoops: [...sample.lastLoops] });
    const oldest = sample.time - HISTORY;
    while (this.samples.length > 1 && this.samples[0]!.time < oldest) this.samples.shift();
  }

  /**
   * The rate of each Block at the latest reading: `null` for a Block that
   * has not started a loop yet, 0 for one that has started only one (or
   * none for a minute).
   */
  rates(): Array<number | null> {
    const latest = this.samples.at(-1);
    if (latest === undefined) return [];
    return latest.counts.map((_, block) => this.rate(block, latest));
  }

  private rate(block: number, latest: LoopSample): number | null {
    const lastLoop = latest.lastLoops[block]!;
    if (lastLoop === 0) return null;
    const base = this.base(block, latest);
    if (base === undefined) return 0;
    const periods = (latest.counts[block]! - base.counts[block]!) | 0;
    const span = lastLoop - base.lastLoops[block]!;
    // The counter and the time are two reads: a loop may start between them. Then
    // the span can be off by one period, or nil: fall back to the readings' times.
    const measured = span > 0 ? span : latest.time - base.time;
    // A loop still running after twice the average period is a stall: its time counts.
    const stalled = Math.max(0, latest.time - lastLoop - (2 * measured) / periods);
    return periods / (measured + stalled);
  }

  /**
   * The reading a Block's rate is measured from, among those at which it
   * had started a loop, and fewer loops than now: the newest one at least
   * `window` old, else the oldest one.
   */
  private base(block: number, latest: LoopSample): LoopSample | undefined {
    let found: LoopSample | undefined;
    for (let i = this.samples.length - 2; i >= 0; i--) {
      const sample = this.samples[i]!;
      if (sample.lastLoops[block] === 0) break;
      if (sample.counts[block] === latest.counts[block]) continue;
      found = sample;
      if (latest.time - sample.time >= this.window) break;
    }
    return found;
  }
}
