/**
 * How values are printed in the error messages of option checks.
 * @module
 * @internal
 */

/**
 * The value itself, as printed after "got" in an error message: strings
 * quoted, numbers as written (`NaN` too), arrays and objects as JSON.
 */
export function show(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'symbol') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * What kind of value it is, for an error message where the value itself would
 * be too long: `a object`, `an array`, `the function f`; primitives as
 * {@link show} prints them.
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return `the function ${value.name || '(anonymous)'}`;
  return `a ${typeof value}`;
}
