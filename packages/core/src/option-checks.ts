/**
 * Checks of constructor options, shared by the standard Blocks and
 * Modifiers so that every wrong option gives the same kind of message:
 * `<Class>: <option> must be <what>, got <value>`.
 * @module
 */
import { inspect } from 'node:util';

/** A short, readable rendering of a wrong value for an error message. */
function shown(value: unknown): string {
  return inspect(value, { depth: 1, breakLength: Infinity });
}

/**
 * Checks that `options` is an object (or `undefined`) holding only `known` keys.
 * @param owner the class name, for the error message
 * @returns `options`, or `{}` when it is `undefined`
 * @throws TypeError for a non-object or an unknown key
 */
export function checkOptions<T extends object>(options: T | undefined, known: readonly string[], owner: string): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${owner}: options must be an object, got ${shown(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(`${owner}: unknown option '${key}' (known: ${known.join(', ')})`);
    }
  }
  return options;
}

/**
 * Checks a label name.
 * @throws TypeError unless `value` is a string
 */
export function checkLabel(value: unknown, owner: string, option: string): string {
  if (typeof value !== 'string') throw new TypeError(`${owner}: ${option} must be a label (a string), got ${shown(value)}`);
  return value;
}

/**
 * Reads a label or a list of labels as a list: `'a'` gives `['a']`.
 * @throws TypeError unless `value` is a string or an array of strings
 */
export function checkLabels(value: unknown, owner: string, option: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((label) => typeof label === 'string')) return [...(value as string[])];
  throw new TypeError(`${owner}: ${option} must be a label or an array of labels, got ${shown(value)}`);
}

/**
 * Like {@link checkLabels}, but `null` and `undefined` (meaning "every label") give `null`.
 * @throws TypeError unless `value` is null, a string or an array of strings
 */
export function checkOptionalLabels(value: unknown, owner: string, option: string): string[] | null {
  return value === null || value === undefined ? null : checkLabels(value, owner, option);
}

/**
 * Checks a finite number greater than 0.
 * @throws TypeError for a non-number, RangeError for a number ≤ 0 or not finite
 */
export function checkPositive(value: unknown, owner: string, option: string): number {
  if (typeof value !== 'number') throw new TypeError(`${owner}: ${option} must be a number, got ${shown(value)}`);
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${owner}: ${option} must be a positive number, got ${shown(value)}`);
  }
  return value;
}

/**
 * Checks an integer of at least 1.
 * @throws TypeError for a non-number, RangeError for anything but an integer ≥ 1
 */
export function checkPositiveInteger(value: unknown, owner: string, option: string): number {
  if (typeof value !== 'number') throw new TypeError(`${owner}: ${option} must be a number, got ${shown(value)}`);
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${owner}: ${option} must be an integer of at least 1, got ${shown(value)}`);
  }
  return value;
}

/**
 * Checks a boolean.
 * @throws TypeError unless `value` is `true` or `false`
 */
export function checkBoolean(value: unknown, owner: string, option: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${owner}: ${option} must be true or false, got ${shown(value)}`);
  return value;
}
