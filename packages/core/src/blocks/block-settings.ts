/**
 * Checks of the settings every standard Block takes as options (`freq`,
 * `displayFreq`, `debug`), with messages naming the class and the option.
 * @module
 */
import { inspect } from 'node:util';

/**
 * Checks a Block's `freq` option.
 * @returns a positive finite number of loops per second, or `null` (as fast as possible)
 * @throws TypeError for anything but a number or null; RangeError for a number ≤ 0 or not finite
 */
export function checkFreq(value: unknown, owner: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number') {
    throw new TypeError(`${owner}: freq must be a number of loops per second or null, got ${inspect(value)}`);
  }
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${owner}: freq must be a positive number of loops per second or null, got ${inspect(value)}`);
  }
  return value;
}

/**
 * Checks a Block's `debug` option.
 * @throws TypeError unless `value` is `true`, `false` or `null`
 */
export function checkDebug(value: unknown, owner: string): boolean | null {
  if (value !== null && typeof value !== 'boolean') {
    throw new TypeError(`${owner}: debug must be true, false or null, got ${inspect(value)}`);
  }
  return value;
}
