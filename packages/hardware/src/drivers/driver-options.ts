import { show } from '@crappy/core/options';

/**
 * Reads a string option.
 * @param fallback the value when absent; `undefined` when the option is required
 * @throws TypeError when it is missing (and required) or not a non-empty string
 */
export function stringOption(value: unknown, fallback: string | undefined, owner: string, name: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || value === '') throw new TypeError(`${owner}: ${name} must be a non-empty string, got ${show(value)}`);
  return value;
}

/**
 * Reads an option that takes one of a few strings.
 * @throws RangeError for any other value
 */
export function choiceOption<C extends string>(value: unknown, choices: readonly C[], fallback: C, owner: string, name: string): C {
  if (value === undefined) return fallback;
  if (!choices.includes(value as C)) throw new RangeError(`${owner}: ${name} must be one of ${choices.map((choice) => `'${choice}'`).join(', ')}, got ${show(value)}`);
  return value as C;
}

/** Seconds to milliseconds, for the timeouts given in seconds as in the original. */
export function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}
