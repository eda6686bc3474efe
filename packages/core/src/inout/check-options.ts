/**
 * Checks of constructor options shared by InOuts, Actuators and the Blocks
 * that drive them: each error names the class, the option and the value.
 * @module
 * @internal
 */

/** The value as printed in an error message. */
export function show(value: unknown): string {
  if (typeof value === 'function') return `a function`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint' || typeof value === 'symbol') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Checks that `options` is an object (or undefined) whose keys are all in
 * `known`.
 * @param owner the class the options are for, e.g. `'FakeDCMotor'`
 * @returns the options, `{}` for undefined
 * @throws TypeError for something other than an object, or an unknown key
 */
export function checkOptions(options: unknown, known: readonly string[], owner: string): Record<string, unknown> {
  if (options === undefined) return {};
  objectOption(options, owner, 'options');
  for (const key of Object.keys(options as object)) {
    if (!known.includes(key)) {
      const list = known.length > 0 ? `known: ${known.join(', ')}` : 'it takes none';
      throw new TypeError(`${owner}: unknown option '${key}' (${list})`);
    }
  }
  return options as Record<string, unknown>;
}

/**
 * Checks that `value` is a plain object (not null, not an array).
 * @param what the option's name, for the error message
 * @throws TypeError otherwise
 */
export function objectOption(value: unknown, owner: string, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${owner}: ${what} must be an object, got ${show(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * Splits an options object between an owner and what it drives: the keys in
 * `own`, and all the others (checked later by the driven class).
 * @throws TypeError for something other than an object
 */
export function splitOptions(
  options: unknown,
  own: readonly string[],
  owner: string,
): [Record<string, unknown>, Record<string, unknown>] {
  if (options === undefined) return [{}, {}];
  objectOption(options, owner, 'options');
  const mine: Record<string, unknown> = {};
  const others: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options as object)) (own.includes(key) ? mine : others)[key] = value;
  return [mine, others];
}

/** Limits on a numeric option. */
export interface NumberCheck {
  /** Smallest value allowed (included unless `exclusive`). */
  min?: number;
  /** Whether `min` itself is refused. */
  exclusive?: boolean;
  /** Whether the value must be an integer. */
  integer?: boolean;
  /** Whether ±Infinity is allowed (default false). */
  infinite?: boolean;
}

/**
 * Reads a numeric option.
 * @returns the value, or `fallback` when it is undefined
 * @throws TypeError for a non-number, RangeError for a number out of limits
 */
export function numberOption(value: unknown, fallback: number, owner: string, option: string, check: NumberCheck = {}): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw new TypeError(`${owner}: ${option} must be a number, got ${show(value)}`);
  const { min, exclusive = false, integer = false, infinite = false } = check;
  const bad =
    Number.isNaN(value) ||
    (!infinite && !Number.isFinite(value)) ||
    (integer && !Number.isInteger(value)) ||
    (min !== undefined && (exclusive ? !(value > min) : !(value >= min)));
  if (bad) {
    const wanted = [
      integer ? 'an integer' : 'a number',
      min === undefined ? '' : exclusive ? `> ${min}` : `>= ${min}`,
      infinite ? '' : '(finite)',
    ].filter((part) => part !== '');
    throw new RangeError(`${owner}: ${option} must be ${wanted.join(' ')}, got ${show(value)}`);
  }
  return value;
}

/**
 * Reads a boolean option.
 * @throws TypeError for anything but a boolean
 */
export function booleanOption(value: unknown, fallback: boolean, owner: string, option: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`${owner}: ${option} must be true or false, got ${show(value)}`);
  return value;
}

/**
 * Reads a label option: a non-empty string, or `null` when allowed.
 * @throws TypeError for anything else
 */
export function labelOption<F extends string | null>(value: unknown, fallback: F, owner: string, option: string): string | F {
  if (value === undefined) return fallback;
  if (value === null && fallback === null) return fallback;
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${owner}: ${option} must be a non-empty string${fallback === null ? ' or null' : ''}, got ${show(value)}`);
  }
  return value;
}

/**
 * Reads an option that is one label or a list of labels.
 * @returns a new array, or `null` when not given
 * @throws TypeError for anything else
 */
export function labelsOption(value: unknown, owner: string, option: string): string[] | null {
  if (value === undefined || value === null) return null;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((label) => typeof label !== 'string' || label === '')) {
    throw new TypeError(`${owner}: ${option} must be a label or an array of labels, got ${show(value)}`);
  }
  return [...(list as string[])];
}

/**
 * Reads the `freq` option of a Block: a positive number, or `null` to loop
 * as fast as possible.
 * @throws RangeError for anything else
 */
export function freqOption(value: unknown, fallback: number | null, owner: string): number | null {
  if (value === undefined) return fallback;
  if (value === null) return null;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${owner}: freq must be a positive number of loops per second or null, got ${show(value)}`);
  }
  return value;
}

/**
 * Reads the `debug` option of a Block: `true`, `false` or `null`.
 * @throws TypeError for anything else
 */
export function debugOption(value: unknown, owner: string): boolean | null {
  if (value === undefined) return false;
  if (value !== null && typeof value !== 'boolean') {
    throw new TypeError(`${owner}: debug must be true, false or null, got ${show(value)}`);
  }
  return value;
}
