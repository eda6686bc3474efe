import type { Message } from '../message/message.js';
import { checkOptions, labelList, requiredArguments } from '../options/index.js';
import { numberValue } from './label-value.js';
import { Modifier, type ModifierResult } from './modifier.js';

/**
 * Shifts labels by a constant so that their first value is a chosen target:
 * the first message fixes `shift = target − first value`, which is then
 * added to every message. With target 6 and inputs 3, 4, 10, it sends 6, 7,
 * 13. Quick, but based on a single sample; the IOBlock's `makeZeroDelay`
 * averages over a delay and is more precise.
 *
 * @example
 * ```ts
 * // the displacement starts at 0, the force at 10
 * crappy.link(machine, grapher, { modifier: new crappy.modifier.Offset(['x(mm)', 'F(N)'], [0, 10]) });
 * ```
 */
export class Offset extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly targets: Map<string, number>;
  private shifts: Map<string, number> | null = null;

  /**
   * @param options `{ labels, offsets }`, as the original's keyword arguments
   * @throws TypeError without `labels` or `offsets`, or with another option
   */
  constructor(options: { labels: string | readonly string[]; offsets: number | readonly number[] });
  /**
   * @param labels the label, or labels, to shift
   * @param offsets the target of each label's first value: one number, or
   *   one per label
   * @throws TypeError for labels that are not strings or offsets that are not
   *   numbers; RangeError when there are not as many offsets as labels
   */
  constructor(labels: string | readonly string[], offsets: number | readonly number[]);
  constructor(...args: unknown[]) {
    super();
    const { values: [labels, offsets], options } = requiredArguments(args, ['labels', 'offsets'], 'Offset');
    checkOptions(options, [], 'Offset');
    const names = labelList(labels, 'Offset', 'labels', true);
    const targets = typeof offsets === 'number' ? [offsets] : offsets;
    if (!Array.isArray(targets) || targets.some((target) => typeof target !== 'number')) {
      throw new TypeError(`Offset: offsets must be a number or an array of numbers, got ${String(offsets)}`);
    }
    if (targets.length !== names.length) {
      throw new RangeError(`Offset: as many offsets as labels are needed, got ${targets.length} offsets for ${names.length} labels`);
    }
    this.targets = new Map(names.map((label, i) => [label, targets[i]!]));
  }

  /**
   * @returns the message with the labels shifted
   * @throws RangeError when a label is missing; TypeError when its value is not a number
   */
  call(data: Message): ModifierResult {
    this.shifts ??= new Map([...this.targets].map(([label, target]) => [label, target - numberValue(data, label, 'Offset')]));
    for (const [label, shift] of this.shifts) data[label] = numberValue(data, label, 'Offset') + shift;
    return data;
  }
}
