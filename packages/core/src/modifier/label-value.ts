/**
 * Reading the value of one label from a message, for the Modifiers that
 * watch or compute on given labels.
 * @module
 */
import type { LinkValue, Message } from '../link/message.js';

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
