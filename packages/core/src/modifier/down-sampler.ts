import type { Message } from '../message/message.js';
import { Modifier, type ModifierResult } from './modifier.js';
import { readNPoints, type NPointsOptions } from './n-points.js';

/**
 * Lets through the first message, then one message out of `nPoints`, and
 * drops the others unchanged (where {@link Mean} would average them): with
 * `nPoints` 3, messages 1, 4, 7... pass.
 *
 * @example
 * ```ts
 * // a 1000 Hz acquisition shown at 10 Hz
 * crappy.link(daq, grapher, { modifier: new crappy.modifier.DownSampler(100) });
 * ```
 */
export class DownSampler extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly nPoints: number;
  /** Messages dropped since the last one let through. */
  private skipped: number;

  /**
   * @param options `nPoints` (default 10): one message passes every
   *   `nPoints`, given alone or as `{ nPoints }`
   * @throws TypeError / RangeError unless `nPoints` is an integer ≥ 1
   */
  constructor(options?: number | NPointsOptions) {
    super();
    this.nPoints = readNPoints(options, 10, 'DownSampler');
    this.skipped = this.nPoints - 1;
  }

  /** @returns the message itself once every `nPoints` calls (the first included), else `null` */
  call(data: Message): ModifierResult {
    if (this.skipped < this.nPoints - 1) {
      this.skipped += 1;
      return null;
    }
    this.skipped = 0;
    return data;
  }
}
