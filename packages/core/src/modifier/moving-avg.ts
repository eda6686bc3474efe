import type { Message } from '../message/message.js';
import { LabelWindows } from './label-windows.js';
import { Modifier, type ModifierResult } from './modifier.js';
import { readNPoints, type NPointsOptions } from './n-points.js';
import { mean } from './statistics.js';

/**
 * Replaces each label's value with its mean over the last `nPoints`
 * messages (fewer at the start): a smoothing filter that sends one message
 * for each message received.
 *
 * Every label is averaged, the time label included. A label whose values
 * are not all numbers (or booleans) gets its last value instead. The labels
 * are those of the first message: a label that first appears later is an
 * error.
 *
 * @example
 * ```ts
 * crappy.link(machine, recorder, { modifier: new crappy.modifier.MovingAvg(10) });
 * ```
 */
export class MovingAvg extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly windows: LabelWindows;

  /**
   * @param options `nPoints` (default 100), the largest number of messages
   *   averaged, given alone or as `{ nPoints }`
   * @throws TypeError / RangeError unless `nPoints` is an integer ≥ 1
   */
  constructor(options?: number | NPointsOptions) {
    super();
    this.windows = new LabelWindows('MovingAvg', readNPoints(options, 100, 'MovingAvg'));
  }

  /**
   * @returns a message with the same labels, each the mean of its last values
   * @throws RangeError for a label that was not in the first message
   */
  call(data: Message): ModifierResult {
    return this.windows.slide(data, mean);
  }
}
