import type { Message } from '../message/message.js';
import { requiredArguments } from '../options/index.js';
import { timedLabels, timedValue, type TimedLabels } from './label-value.js';
import { Modifier, type ModifierResult } from './modifier.js';

/** Options of {@link Integrate}. */
export interface IntegrateOptions {
  /** The label carrying the time, in seconds (default `'t(s)'`). */
  timeLabel?: string;
  /** The label to write the integral to (default `'i_<label>'`). */
  outLabel?: string;
}

/**
 * Adds to each message the time integral of one label since the first
 * message, by the trapezoidal rule: 0 for the first message, then
 * `Σ (t − t_prev) × (v + v_prev) / 2`.
 *
 * @example
 * ```ts
 * // adds 'i_speed(mm/s)', the distance travelled in mm
 * crappy.link(machine, recorder, { modifier: new crappy.modifier.Integrate('speed(mm/s)') });
 * ```
 */
export class Integrate extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly labels: TimedLabels;
  private last: { t: number; value: number } | null = null;
  private integral = 0;

  /**
   * @param options the options with `label`, as the original's keyword arguments
   * @throws TypeError without `label`
   */
  constructor(options: IntegrateOptions & { label: string });
  /**
   * @param label the label to integrate
   * @param options `timeLabel` and `outLabel`
   * @throws TypeError for a label that is not a string or an unknown option
   */
  constructor(label: string, options?: IntegrateOptions);
  constructor(...args: unknown[]) {
    super();
    const { values: [label], options } = requiredArguments<IntegrateOptions>(args, ['label'], 'Integrate');
    this.labels = timedLabels(label, options, 'Integrate', 'i_');
  }

  /**
   * @returns the message with the integral added
   * @throws RangeError when a label is missing; TypeError when a value is not a number
   */
  call(data: Message): ModifierResult {
    const { t, value } = timedValue(data, this.labels, 'Integrate');
    if (this.last !== null) this.integral += ((t - this.last.t) * (value + this.last.value)) / 2;
    this.last = { t, value };
    data[this.labels.outLabel] = this.integral;
    return data;
  }
}
