/**
 * Checks of the options objects themselves: their type and their keys.
 * @module
 * @internal
 */
import { show } from './show.js';

/** An options object as received at runtime, before its values are checked. */
export type RawOptions = Record<string, unknown>;

/**
 * Checks that `value` is a plain object (not null, not an array).
 * @param what what it is, for the error message: `'common'`, `'actuators[0]'`…
 * @throws TypeError otherwise
 */
export function objectOption(value: unknown, owner: string, what: string): RawOptions {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${owner}: ${what} must be an object, got ${show(value)}`);
  }
  return value as RawOptions;
}

/**
 * Checks that `options` is a plain object (or `undefined`) whose keys are all
 * in `known`. A snake_case key whose camelCase form is known gets a hint:
 * `unknown option 'init_value' (known: …); did you mean 'initValue'?`.
 * @param owner the class name, first word of the messages
 * @returns `options`, or `{}` when it is `undefined`
 * @throws TypeError for a non-object or an unknown key
 */
export function checkOptions<T extends object>(options: T | undefined, known: readonly string[], owner: string): T;
export function checkOptions(options: unknown, known: readonly string[], owner: string): RawOptions;
export function checkOptions(options: unknown, known: readonly string[], owner: string): RawOptions {
  if (options === undefined) return {};
  objectOption(options, owner, 'the options');
  for (const key of Object.keys(options as object)) {
    if (known.includes(key)) continue;
    const list = known.length > 0 ? `known: ${known.join(', ')}` : 'it takes none';
    const camel = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const hint = camel !== key && known.includes(camel) ? `; did you mean '${camel}'?` : '';
    throw new TypeError(`${owner}: unknown option '${key}' (${list})${hint}`);
  }
  return options as RawOptions;
}

/**
 * Splits an options object between an owner and what it drives: the keys in
 * `own`, and all the others (checked later by the driven class).
 * @throws TypeError for something other than an object
 */
export function splitOptions(options: unknown, own: readonly string[], owner: string): [RawOptions, RawOptions] {
  if (options === undefined) return [{}, {}];
  objectOption(options, owner, 'the options');
  const mine: RawOptions = {};
  const others: RawOptions = {};
  for (const [key, value] of Object.entries(options as object)) (own.includes(key) ? mine : others)[key] = value;
  return [mine, others];
}
