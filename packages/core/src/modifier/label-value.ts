/**
 * Reading the value of one label from a message, for the Modifiers that
 * watch or compute on given labels.
 * @module
 */
import type { LinkValue, Message } from '../message/message.js';
import { checkOptions, labelOption } from '../options/index.js';

/**
 * The value of `label` in `data`.
 * @param owner the Modifier's class name, for the error message
 * @throws RangeError when the message has no such label
 */
export function labelValue(data: Message, label: string, owner: string): LinkValue {
  if (!Object.hasOwn(data, label)) {
    throw new RangeError(`${owner}: the message has no label '${label}' (its labels: ${Object.keys(data).join(', ')})`);
  }
  return data[label];
}

/**
 * The value of `label` in `data` as a number (a boolean counts 0 or 1).
 * @throws RangeError when the message has no such label, TypeError when its value is not a number
 */
export function numberValue(data: Message, label: string, owner: string): number {
  const value = labelValue(data, label, owner);
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  throw new TypeError(`${owner}: the label '${label}' must carry a number, got ${typeof value === 'string' ? JSON.stringify(value) : typeof value}`);
}

/** The labels of a Modifier that computes on one label over time, as `Diff` and `Integrate`. */
export interface TimedLabels {
  /** The label computed on. */
  readonly label: string;
  /** The label carrying the time, in seconds. */
  readonly timeLabel: string;
  /** The label the result is written to. */
  readonly outLabel: string;
}

/**
 * Checks the label and the `timeLabel` / `outLabel` options of such a
 * Modifier: `timeLabel` defaults to `'t(s)'`, `outLabel` to `outPrefix` + the label.
 * @throws TypeError for a label that is not a string or an unknown option
 */
export function timedLabels(
  label: unknown,
  options: { timeLabel?: string; outLabel?: string } | undefined,
  owner: string,
  outPrefix: string,
): TimedLabels {
  const checked = labelOption(label, undefined, owner, 'label', true);
  const { timeLabel, outLabel } = checkOptions(options, ['timeLabel', 'outLabel'], owner);
  return {
    label: checked,
    timeLabel: labelOption(timeLabel, 't(s)', owner, 'timeLabel', true),
    outLabel: labelOption(outLabel, `${outPrefix}${checked}`, owner, 'outLabel', true),
  };
}

/**
 * The time and the value of a message, as numbers.
 * @throws RangeError when a label is missing, TypeError when a value is not a number
 */
export function timedValue(data: Message, labels: TimedLabels, owner: string): { t: number; value: number } {
  return { t: numberValue(data, labels.timeLabel, owner), value: numberValue(data, labels.label, owner) };
}
