import type { LinkValue, Message } from '../message/message.js';
import { checkOptions, labelOption, requiredArguments } from '../options/index.js';
import { labelValue } from './label-value.js';
import { Modifier, type ModifierResult } from './modifier.js';
import { sameValue } from './same-value.js';

/**
 * Lets a message through only when one label's value differs from the
 * last one let through (the first message always passes): the values 1, 1,
 * 2, 2, 1 let through 1, 2, 1. Useful to trigger a Block on a change of
 * state rather than at every loop. Values are compared by value (arrays
 * element by element).
 *
 * @example
 * ```ts
 * // the camera takes a picture each time the Generator starts a new step
 * crappy.link(generator, camera, { modifier: new crappy.modifier.TrigOnChange('step') });
 * ```
 */
export class TrigOnChange extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly label: string;
  private last: { value: LinkValue } | null = null;

  /**
   * @param options `{ label }`, as the original's keyword argument
   * @throws TypeError without `label`, or with another option
   */
  constructor(options: { label: string });
  /**
   * @param label the label to watch
   * @throws TypeError unless `label` is a string
   */
  constructor(label: string);
  constructor(...args: unknown[]) {
    super();
    const { values: [label], options } = requiredArguments(args, ['label'], 'TrigOnChange');
    checkOptions(options, [], 'TrigOnChange');
    this.label = labelOption(label, undefined, 'TrigOnChange', 'label', true);
  }

  /**
   * @returns the message when the label changed (or on the first call), else `null`
   * @throws RangeError when the message has no such label
   */
  call(data: Message): ModifierResult {
    const value = labelValue(data, this.label, 'TrigOnChange');
    if (this.last !== null && sameValue(value, this.last.value)) return null;
    this.last = { value };
    return data;
  }
}
