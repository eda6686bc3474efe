import type { LinkValue, Message } from '../message/message.js';
import { checkOptions, labelOption, requiredArguments } from '../options/index.js';
import { labelValue } from './label-value.js';
import { Modifier, type ModifierResult } from './modifier.js';
import { sameValue } from './same-value.js';

/**
 * Lets a message through only when one label carries one of the given
 * values, and drops the others. Values are compared by value (`true`
 * equals 1, as in Python).
 *
 * @example
 * ```ts
 * // the recorder only gets the messages of steps 2 and 3
 * crappy.link(generator, recorder, { modifier: new crappy.modifier.TrigOnValue('step', [2, 3]) });
 * ```
 */
export class TrigOnValue extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly label: string;
  private readonly values: readonly LinkValue[];

  /**
   * @param options `{ label, values }`, as the original's keyword arguments
   * @throws TypeError without `label` or `values`, or with another option
   */
  constructor(options: { label: string; values: LinkValue | readonly LinkValue[] });
  /**
   * @param label the label to watch
   * @param values the accepted value, or an array of accepted values (a
   *   string is one value)
   * @throws TypeError unless `label` is a string
   */
  constructor(label: string, values: LinkValue | readonly LinkValue[]);
  constructor(...args: unknown[]) {
    super();
    const { values: [label, values], options } = requiredArguments(args, ['label', 'values'], 'TrigOnValue');
    checkOptions(options, [], 'TrigOnValue');
    this.label = labelOption(label, undefined, 'TrigOnValue', 'label', true);
    this.values = Array.isArray(values) ? [...(values as readonly LinkValue[])] : [values as LinkValue];
  }

  /**
   * @returns the message when the label's value is accepted, else `null`
   * @throws RangeError when the message has no such label
   */
  call(data: Message): ModifierResult {
    const value = labelValue(data, this.label, 'TrigOnValue');
    return this.values.some((accepted) => sameValue(value, accepted)) ? data : null;
  }
}
