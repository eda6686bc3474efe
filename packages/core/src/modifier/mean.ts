import type { Message } from '../message/message.js';
import { LabelWindows } from './label-windows.js';
import { Modifier, type ModifierResult } from './modifier.js';
import { readNPoints, type NPointsOptions } from './n-points.js';
import { mean } from './statistics.js';

/**
 * Sends, once every `nPoints` messages, the mean of each label over those
 * messages, then starts over; the messages in between are dropped.
 *
 * Every label is averaged, the time label included. A label whose values
 * are not all numbers (or booleans) gets its last value instead. The labels
 * are those of the first message: a label that first appears later is an
 * error.
 *
 * @example
 * ```ts
 * // 100 messages/s in, 1 message/s out, each the mean of the last second
 * crappy.link(daq, recorder, { modifier: new crappy.modifier.Mean(100) });
 * ```
 */
export class Mean extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly windows: LabelWindows;

  /**
   * @param options `nPoints` (default 100), the number of messages averaged
   *   together, given alone or as `{ nPoints }`
   * @throws TypeError / RangeError unless `nPoints` is an integer ≥ 1
   */
  constructor(options?: number | NPointsOptions) {
    super();
    this.windows = new LabelWindows('Mean', readNPoints(options, 100, 'Mean'));
  }

  /**
   * Buffers the message.
   * @returns the means of the labels that reached `nPoints` values, or `null`
   * @throws RangeError for a label that was not in the first message
   */
  call(data: Message): ModifierResult {
    return this.windows.collect(data, mean);
  }
}
