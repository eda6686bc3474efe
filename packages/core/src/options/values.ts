/**
 * Checks of single option values. Each takes the value, what to use when it
 * is not given (`undefined`: the option is required), the owner (class name)
 * and the option's name as the messages print it: `'kv'` gives
 * `FakeDCMotor: kv must be a number, got "1000"`; the Paths and the Generator
 * Blocks name theirs with {@link quoted}: `Ramp: option 'speed' must be…`.
 * @module
 * @internal
 */
import { show } from './show.js';

/** The name of an option as the Paths and the Generator Blocks print it: `option 'speed'`. */
export function quoted(key: string): string {
  return `option '${key}'`;
}

/** Limits on a numeric option. */
export interface NumberCheck {
  /** Smallest value allowed (included unless `exclusive`). */
  min?: number;
  /** Whether `min` itself is refused. */
  exclusive?: boolean;
  /** Largest value allowed (included). */
  max?: number;
  /** Whether the value must be an integer. */
  integer?: boolean;
  /** Whether ±Infinity is allowed (default false). */
  infinite?: boolean;
  /** What the message says the value must be, instead of the wording built from the limits. */
  expected?: string;
}

/**
 * Reads a numeric option.
 * @param fallback the value when `value` is undefined; `undefined` when the option is required
 * @returns the value, or `fallback` when it is undefined
 * @throws TypeError for a non-number, RangeError for NaN or a number out of limits
 */
export function numberOption(value: unknown, fallback: number | undefined, owner: string, name: string, check: NumberCheck = {}): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number') throw new TypeError(`${owner}: ${name} must be a number, got ${show(value)}`);
  const { min, max, exclusive = false, integer = false, infinite = false } = check;
  const bad =
    Number.isNaN(value) ||
    (!infinite && !Number.isFinite(value)) ||
    (integer && !Number.isInteger(value)) ||
    (min !== undefined && (exclusive ? !(value > min) : !(value >= min))) ||
    (max !== undefined && !(value <= max));
  if (bad) throw new RangeError(`${owner}: ${name} must be ${check.expected ?? expectedNumber(check)}, got ${show(value)}`);
  return value;
}

/** What a number must be, in words: `a number > 0 (finite)`, `an integer >= 1`… */
function expectedNumber({ min, max, exclusive = false, integer = false, infinite = false }: NumberCheck): string {
  if (min === undefined && max === undefined && !integer && !infinite) return 'a finite number';
  return [
    integer ? 'an integer' : 'a number',
    min === undefined ? '' : exclusive ? `> ${min}` : `>= ${min}`,
    max === undefined ? '' : `<= ${max}`,
    infinite ? '' : '(finite)',
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * Reads the required finite number `options[key]`, named `option 'key'`.
 * @throws TypeError when missing or not a number, RangeError for NaN or ±Infinity
 */
export function requiredNumber<O extends object>(options: O, key: keyof O & string, owner: string): number {
  if (options[key] === undefined) throw new TypeError(`${owner}: ${quoted(key)} is required`);
  return numberOption(options[key], undefined, owner, quoted(key));
}

/**
 * Reads the optional finite number `options[key]`, named `option 'key'`:
 * `fallback` when it is missing or `null`.
 * @throws TypeError when given and not a number, RangeError for NaN or ±Infinity
 */
export function optionalNumber<O extends object, F extends number | null>(
  options: O,
  key: keyof O & string,
  fallback: F,
  owner: string,
): number | F {
  const value = options[key];
  return value === undefined || value === null ? fallback : numberOption(value, undefined, owner, quoted(key));
}

/**
 * Reads a number of seconds ≥ 0, or `null`.
 * @throws TypeError for a non-number, RangeError for a negative number, NaN or ±Infinity
 */
export function delayOption(value: unknown, fallback: number | null, owner: string, name: string): number | null {
  if (value === undefined) return fallback;
  if (value === null) return null;
  return numberOption(value, undefined, owner, name, { min: 0, expected: 'a number of seconds ≥ 0 or null' });
}

/**
 * Reads a boolean option.
 * @param fallback the value when `value` is undefined; `undefined` when the option is required
 * @throws TypeError for anything but a boolean
 */
export function booleanOption(value: unknown, fallback: boolean | undefined, owner: string, name: string): boolean {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`${owner}: ${name} must be true or false, got ${show(value)}`);
  return value;
}

/**
 * Reads a label, or another string option (a file path, a name, a
 * delimiter): a non-empty string (any string with `allowEmpty`), or `null`
 * when that is the fallback.
 * @param fallback the value when `value` is undefined; `undefined` when the option is required
 * @throws TypeError for anything else
 */
export function labelOption<F extends string | null | undefined>(
  value: unknown,
  fallback: F,
  owner: string,
  name: string,
  allowEmpty = false,
): string | Exclude<F, undefined> {
  if (value === undefined && fallback !== undefined) return fallback as Exclude<F, undefined>;
  if (value === null && fallback === null) return null as Exclude<F, undefined>;
  if (typeof value !== 'string' || (value === '' && !allowEmpty)) {
    const what = `${allowEmpty ? 'a' : 'a non-empty'} string${fallback === null ? ' or null' : ''}`;
    throw new TypeError(`${owner}: ${name} must be ${what}, got ${show(value)}`);
  }
  return value;
}

/**
 * Reads a required option that is one label or a list of labels: `'a'` gives
 * `['a']`. The labels must not be empty strings, unless `allowEmpty`.
 * @returns a new array
 * @throws TypeError for anything else
 */
export function labelList(value: unknown, owner: string, name: string, allowEmpty = false): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((label) => typeof label !== 'string' || (label === '' && !allowEmpty))) {
    throw new TypeError(`${owner}: ${name} must be a label or an array of labels, got ${show(value)}`);
  }
  return [...(list as string[])];
}

/**
 * Like {@link labelList}, but `null` and `undefined` (not given, or "every
 * label") give `null`.
 * @throws TypeError for anything else
 */
export function labelsOption(value: unknown, owner: string, name: string, allowEmpty = false): string[] | null {
  return value === undefined || value === null ? null : labelList(value, owner, name, allowEmpty);
}

/**
 * Reads the `freq` option of a Block: a positive number of loops per second,
 * or `null` to loop as fast as possible.
 * @throws TypeError for a non-number, RangeError for a number ≤ 0, NaN or ±Infinity
 */
export function freqOption(value: unknown, fallback: number | null, owner: string, name = 'freq'): number | null {
  if (value === undefined) return fallback;
  if (value === null) return null;
  return numberOption(value, undefined, owner, name, { min: 0, exclusive: true, expected: 'a positive number of loops per second or null' });
}

/**
 * Reads the `debug` option of a Block: `true`, `false` (the default) or `null`.
 * @throws TypeError for anything else
 */
export function debugOption(value: unknown, owner: string, name = 'debug'): boolean | null {
  if (value === undefined) return false;
  if (value !== null && typeof value !== 'boolean') {
    throw new TypeError(`${owner}: ${name} must be true, false or null, got ${show(value)}`);
  }
  return value;
}

/**
 * Reads the `niceness` of a Block: an integer from −20 to 19.
 * @throws TypeError for a non-number, RangeError for anything else out of range
 */
export function nicenessOption(value: unknown, owner: string, name = 'niceness'): number {
  return numberOption(value, 0, owner, name, { integer: true, min: -20, max: 19, expected: 'an integer from -20 to 19' });
}
