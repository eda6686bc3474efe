import type { Message } from '../message/message.js';
import { LabelWindows } from './label-windows.js';
import { Modifier, type ModifierResult } from './modifier.js';
import { readNPoints, type NPointsOptions } from './n-points.js';
import { median } from './statistics.js';

/**
 * Replaces each label's value with its median over the last `nPoints`
 * messages (fewer at the start): a filter that removes isolated spikes and
 * sends one message for each message received.
 *
 * Every label is reduced, the time label included. A label whose values
 * are not all numbers (or booleans) gets its last value instead. The labels
 * are those of the first message: a label that first appears later is an
 * error.
 *
 * @example
 * ```ts
 * crappy.link(sensor, grapher, { modifier: new crappy.modifier.MovingMed(5) });
 * ```
 */
export class MovingMed extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly windows: LabelWindows;

  /**
   * @param options `nPoints` (default 100), the largest number of messages
   *   reduced, given alone or as `{ nPoints }`
   * @throws TypeError / RangeError unless `nPoints` is an integer ≥ 1
   */
  constructor(options?: number | NPointsOptions) {
    super();
    this.windows = new LabelWindows('MovingMed', readNPoints(options, 100, 'MovingMed'));
  }

  /**
   * @returns a message with the same labels, each the median of its last values
   * @throws RangeError for a label that was not in the first message
   */
  call(data: Message): ModifierResult {
    return this.windows.slide(data, median);
  }
}
