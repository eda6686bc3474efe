/**
 * The buffer of timestamped values, per label, behind the Multiplexer and
 * the Synchronizer.
 * @module
 */
import type { DataLists } from '../block/block.js';
import { asNumbers } from '../modifier/statistics.js';

/** The buffered points of one label, sorted by time. */
export interface Series {
  /** The times, ascending. */
  t: number[];
  /** The value at each time. */
  v: number[];
}

/**
 * Points `(t, value)` per label, kept sorted by time whatever the order in
 * which they arrive (a label may come from several Links). A label, once
 * seen, stays in the buffer even when all its points are used.
 */
export class TimeSeriesBuffer {
  private readonly series = new Map<string, Series>();

  /** @param owner the Block's name, for error messages */
  constructor(private readonly owner: string) {}

  /**
   * Adds what one Link sent. A chunk without `timeLabel` is ignored.
   * @param keep which labels to buffer
   * @throws RangeError when a label has not as many values as there are times;
   *   TypeError for a time or value that is not a number
   */
  add(chunk: DataLists, timeLabel: string, keep: (label: string) => boolean): void {
    const times = chunk[timeLabel];
    if (times === undefined) return;
    const t = this.numbers(times, timeLabel);
    for (const [label, values] of Object.entries(chunk)) {
      if (label === timeLabel || !keep(label)) continue;
      if (values.length !== t.length) {
        throw new RangeError(
          `${this.owner}: the label '${label}' has ${values.length} values for ${t.length} times '${timeLabel}' in the same Link; every message must carry both`,
        );
      }
      const v = this.numbers(values, label);
      const old = this.series.get(label) ?? { t: [], v: [] };
      const points = old.t.map((ti, i) => [ti, old.v[i]!] as const);
      for (let i = 0; i < t.length; i++) points.push([t[i]!, v[i]!]);
      points.sort((a, b) => a[0] - b[0]);
      this.series.set(label, { t: points.map((p) => p[0]), v: points.map((p) => p[1]) });
    }
  }

  /** Whether no label was buffered yet. */
  get isEmpty(): boolean {
    return this.series.size === 0;
  }

  /** Whether `label` was buffered (even if all its points were used since). */
  has(label: string): boolean {
    return this.series.has(label);
  }

  /** The buffered labels, in the order they first came, with their points. */
  entries(): [string, Series][] {
    return [...this.series];
  }

  /** Whether some label holds fewer than `n` points. */
  someShorterThan(n: number): boolean {
    return [...this.series.values()].some((s) => s.t.length < n);
  }

  /** Whether some label's points span less than `duration` seconds. */
  someSpanBelow(duration: number): boolean {
    return [...this.series.values()].some((s) => s.t[s.t.length - 1]! - s.t[0]! < duration);
  }

  /** The latest first time over the labels: before it, some label has no data. */
  latestStart(): number {
    return Math.max(...[...this.series.values()].map((s) => s.t[0]!));
  }

  /** The earliest last time over the labels: after it, some label has no data. */
  earliestEnd(): number {
    return Math.min(...[...this.series.values()].map((s) => s.t[s.t.length - 1]!));
  }

  /**
   * Drops the points of `label` up to `time`; with `keepLast`, the last of
   * them stays, so that the next interpolation starts from it.
   */
  dropUntil(label: string, time: number, keepLast: boolean): void {
    const s = this.series.get(label)!;
    let first = s.t.findIndex((ti) => ti > time);
    if (first === -1) first = s.t.length;
    if (keepLast && first > 0) first -= 1;
    s.t.splice(0, first);
    s.v.splice(0, first);
  }

  /** The values as numbers (a boolean counts 0 or 1). */
  private numbers(values: readonly unknown[], label: string): number[] {
    const numbers = asNumbers(values);
    if (numbers === null) throw new TypeError(`${this.owner}: the label '${label}' must carry numbers to be interpolated`);
    return numbers;
  }
}
