import type { Message } from '../message/message.js';
import { LabelWindows } from './label-windows.js';
import { Modifier, type ModifierResult } from './modifier.js';
import { readNPoints, type NPointsOptions } from './n-points.js';
import { median } from './statistics.js';

/**
 * Sends, once every `nPoints` messages, the median of each label over those
 * messages, then starts over; the messages in between are dropped. Less
 * sensitive to isolated spikes than {@link Mean}.
 *
 * Every label is reduced, the time label included. A label whose values
 * are not all numbers (or booleans) gets its last value instead. The labels
 * are those of the first message: a label that first appears later is an
 * error.
 *
 * @example
 * ```ts
 * // one message out of 5, carrying the medians of the 5
 * crappy.link(sensor, grapher, { modifier: new crappy.modifier.Median(5) });
 * ```
 */
export class Median extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly windows: LabelWindows;

  /**
   * @param options `nPoints` (default 100), the number of messages reduced
   *   together, given alone or as `{ nPoints }`
   * @throws TypeError / RangeError unless `nPoints` is an integer ≥ 1
   */
  constructor(options?: number | NPointsOptions) {
    super();
    this.windows = new LabelWindows('Median', readNPoints(options, 100, 'Median'));
  }

  /**
   * Buffers the message.
   * @returns the medians of the labels that reached `nPoints` values, or `null`
   * @throws RangeError for a label that was not in the first message
   */
  call(data: Message): ModifierResult {
    return this.windows.collect(data, median);
  }
}
