/**
 * Checks of the options objects given to Paths and to the Generator Blocks,
 * with messages that name the class and the option.
 * @module
 */

/** An options object as received at runtime, before its values are checked. */
export type RawOptions = Record<string, unknown>;

/**
 * Checks that `options` is a plain object whose keys are all in `known`.
 * A snake_case key whose camelCase form is known gets a hint.
 * @param owner the class name, first word of the messages
 * @throws TypeError for a non-object or an unknown key
 */
export function checkOptions(owner: string, options: unknown, known: readonly string[]): RawOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${owner}: the options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const camel = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const hint = camel !== key && known.includes(camel) ? `; did you mean '${camel}'?` : '';
    throw new TypeError(`${owner}: unknown option '${key}' (known: ${known.join(', ') || 'none'})${hint}`);
  }
  return options as RawOptions;
}

/**
 * A required finite number.
 * @throws TypeError when missing or not a number, RangeError for NaN or ±Infinity
 */
export function requiredNumber(owner: string, options: RawOptions, key: string): number {
  const value = options[key];
  if (value === undefined) throw new TypeError(`${owner}: option '${key}' is required`);
  return checkNumber(owner, key, value);
}

/**
 * An optional finite number: `fallback` when missing (`undefined`) or `null`.
 * @throws TypeError when given and not a number, RangeError for NaN or ±Infinity
 */
export function optionalNumber<F extends number | null>(owner: string, options: RawOptions, key: string, fallback: F): number | F {
  const value = options[key];
  if (value === undefined || value === null) return fallback;
  return checkNumber(owner, key, value);
}

/**
 * An optional boolean, `fallback` when missing.
 * @throws TypeError when given and not a boolean
 */
export function optionalBoolean(owner: string, options: RawOptions, key: string, fallback: boolean): boolean {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`${owner}: option '${key}' must be true or false, got ${describe(value)}`);
  return value;
}

/**
 * An optional non-empty string, `fallback` when missing.
 * @throws TypeError when given and not a non-empty string
 */
export function optionalString(owner: string, options: RawOptions, key: string, fallback: string): string {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${owner}: option '${key}' must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/**
 * An optional number of seconds ≥ 0, or `null`; `fallback` when missing.
 * @throws TypeError for a non-number, RangeError for a negative number
 */
export function optionalDelay(owner: string, options: RawOptions, key: string, fallback: number | null): number | null {
  const value = options[key];
  if (value === undefined) return fallback;
  if (value === null) return null;
  const delay = checkNumber(owner, key, value);
  if (delay < 0) throw new RangeError(`${owner}: option '${key}' must be a number of seconds ≥ 0 or null, got ${delay}`);
  return delay;
}

/**
 * An optional loop frequency: a positive number, or `null` (as fast as possible).
 * @throws TypeError for a non-number, RangeError for a number ≤ 0
 */
export function optionalFreq(owner: string, options: RawOptions, fallback: number | null): number | null {
  const value = options.freq;
  if (value === undefined) return fallback;
  if (value === null) return null;
  const freq = checkNumber(owner, 'freq', value);
  if (!(freq > 0)) throw new RangeError(`${owner}: option 'freq' must be a positive number of loops per second or null, got ${freq}`);
  return freq;
}

/**
 * The `debug` option of Blocks: `true`, `false` or `null`.
 * @throws TypeError otherwise
 */
export function optionalDebug(owner: string, options: RawOptions): boolean | null {
  const value = options.debug;
  if (value === undefined) return false;
  if (value !== null && typeof value !== 'boolean') {
    throw new TypeError(`${owner}: option 'debug' must be true, false or null, got ${describe(value)}`);
  }
  return value;
}

/** A short description of a value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return `the function ${value.name || '(anonymous)'}`;
  return `a ${typeof value}`;
}

function checkNumber(owner: string, key: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${owner}: option '${key}' must be a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${owner}: option '${key}' must be a finite number, got ${value}`);
  return value;
}
