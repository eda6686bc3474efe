/**
 * The options every standard Block accepts, besides its own.
 * @module
 */
import { booleanOption, debugOption, freqOption } from './values.js';

/** Options common to the standard Blocks: they set the Block's fields of the same names. */
export interface StandardBlockOptions {
  /** Target loops per second, `null` for as fast as possible (the default depends on the Block). */
  freq?: number | null;
  /** Log the achieved loops per second every 2 s (default false). */
  displayFreq?: boolean;
  /** `true` for DEBUG logs, `false` for INFO and above (default), `null` for none but CRITICAL. */
  debug?: boolean | null;
}

/** The fields of a Block that the standard options set. */
export interface StandardOptionFields {
  /** Target loops per second, `null` for as fast as possible. */
  freq: number | null;
  /** Log the achieved loops per second every 2 s. */
  displayFreq: boolean;
  /** `true` for DEBUG logs, `false` for INFO and above, `null` for none but CRITICAL. */
  debug: boolean | null;
}

/**
 * The names of the {@link StandardBlockOptions}, for option checks.
 * @internal
 */
export const STANDARD_OPTIONS = ['freq', 'displayFreq', 'debug'] as const;

/**
 * Checks the standard options and sets them on `block`.
 * @param defaultFreq the Block's `freq` when the option is not given
 * @param owner the class name, for the error message
 * @param name how the messages name an option, e.g. `quoted` (default: its bare name)
 * @throws TypeError / RangeError for a wrong option
 * @internal
 */
export function applyStandardOptions(
  block: StandardOptionFields,
  options: { freq?: unknown; displayFreq?: unknown; debug?: unknown },
  defaultFreq: number | null,
  owner: string,
  name: (key: string) => string = (key) => key,
): void {
  block.freq = freqOption(options.freq, defaultFreq, owner, name('freq'));
  block.displayFreq = booleanOption(options.displayFreq, false, owner, name('displayFreq'));
  block.debug = debugOption(options.debug, owner, name('debug'));
}
