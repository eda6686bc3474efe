/**
 * The per-label buffers behind the averaging Modifiers.
 * @module
 */
import type { LinkValue, Message } from '../message/message.js';
import { reduceOrLast } from './statistics.js';

/** A statistic over the buffered numbers of one label. */
export type Statistic = (numbers: readonly number[]) => number;

/**
 * The last values of every label, kept per label. The labels are those of
 * the first message: as in the original, a label that first shows up later
 * is an error. Unlike the original, the first message is counted once.
 */
export class LabelWindows {
  private buffers: Map<string, unknown[]> | null = null;

  /**
   * @param owner the Modifier's class name, for error messages
   * @param nPoints the size of a window
   */
  constructor(private readonly owner: string, private readonly nPoints: number) {}

  /**
   * Adds a message, and reduces with `statistic` the labels whose window
   * is full, which then start over empty (Mean, Median).
   * @returns the reduced labels, or `null` when no window was full
   */
  collect(data: Message, statistic: Statistic): Message | null {
    const result: Message = {};
    let any = false;
    for (const [label, values] of this.add(data)) {
      if (values.length < this.nPoints) continue;
      result[label] = reduceOrLast(values, statistic) as LinkValue;
      values.length = 0;
      any = true;
    }
    return any ? result : null;
  }

  /**
   * Adds a message, and reduces every label of it over its last `nPoints`
   * values (MovingAvg, MovingMed).
   */
  slide(data: Message, statistic: Statistic): Message {
    const result: Message = {};
    for (const [label, values] of this.add(data)) {
      if (values.length > this.nPoints) values.splice(0, values.length - this.nPoints);
      result[label] = reduceOrLast(values, statistic) as LinkValue;
    }
    return result;
  }

  /** Appends each value of `data` to its label's buffer; gives the labels of `data` with their buffers. */
  private add(data: Message): [string, unknown[]][] {
    const buffers = (this.buffers ??= new Map(Object.keys(data).map((label) => [label, []])));
    return Object.entries(data).map(([label, value]) => {
      const values = buffers.get(label);
      if (values === undefined) {
        throw new RangeError(
          `${this.owner}: the label '${label}' was not in the first message; every label must be in the first message this Modifier gets`,
        );
      }
      values.push(value);
      return [label, values];
    });
  }
}
