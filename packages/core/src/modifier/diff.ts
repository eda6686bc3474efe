import type { Message } from '../message/message.js';
import { requiredArguments } from '../options/index.js';
import { timedLabels, timedValue, type TimedLabels } from './label-value.js';
import { Modifier, type ModifierResult } from './modifier.js';

/** Options of {@link Diff}. */
export interface DiffOptions {
  /** The label carrying the time, in seconds (default `'t(s)'`). */
  timeLabel?: string;
  /** The label to write the derivative to (default `'d_<label>'`). */
  outLabel?: string;
}

/**
 * Adds to each message the time derivative of one label: 0 for the first
 * message, then `(v − v_prev) / (t − t_prev)` from the previous message.
 *
 * @example
 * ```ts
 * // adds 'd_F(N)', the force rate in N/s
 * crappy.link(machine, recorder, { modifier: new crappy.modifier.Diff('F(N)') });
 * ```
 */
export class Diff extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly labels: TimedLabels;
  private last: { t: number; value: number } | null = null;

  /**
   * @param options the options with `label`, as the original's keyword arguments
   * @throws TypeError without `label`
   */
  constructor(options: DiffOptions & { label: string });
  /**
   * @param label the label to differentiate
   * @param options `timeLabel` and `outLabel`
   * @throws TypeError for a label that is not a string or an unknown option
   */
  constructor(label: string, options?: DiffOptions);
  constructor(...args: unknown[]) {
    super();
    const { values: [label], options } = requiredArguments<DiffOptions>(args, ['label'], 'Diff');
    this.labels = timedLabels(label, options, 'Diff', 'd_');
  }

  /**
   * @returns the message with the derivative added
   * @throws RangeError when a label is missing or two messages have the same time;
   *   TypeError when a value is not a number
   */
  call(data: Message): ModifierResult {
    const { t, value } = timedValue(data, this.labels, 'Diff');
    const { label, timeLabel, outLabel } = this.labels;
    const last = this.last;
    this.last = { t, value };
    if (last === null) {
      data[outLabel] = 0;
      return data;
    }
    if (t === last.t) {
      throw new RangeError(`Diff: two successive messages have the same time ${timeLabel} = ${t}, cannot differentiate '${label}'`);
    }
    data[outLabel] = (value - last.value) / (t - last.t);
    return data;
  }
}
