/**
 * The options every standard Block accepts, besides its own.
 * @module
 */
import type { Block } from '../block/block.js';
import { checkBoolean } from '../option-checks.js';
import { checkDebug, checkFreq } from './block-settings.js';

/** Options common to the standard Blocks: they set the Block's fields of the same names. */
export interface StandardBlockOptions {
  /** Target loops per second, `null` for as fast as possible (the default depends on the Block). */
  freq?: number | null;
  /** Log the achieved loops per second every 2 s (default false). */
  displayFreq?: boolean;
  /** `true` for DEBUG logs, `false` for INFO and above (default), `null` for none but CRITICAL. */
  debug?: boolean | null;
}

/** The names of the {@link StandardBlockOptions}, for option checks. */
export const STANDARD_OPTIONS = ['freq', 'displayFreq', 'debug'] as const;

/**
 * Checks the standard options and sets them on `block`.
 * @param defaultFreq the Block's `freq` when the option is not given
 * @param owner the class name, for the error message
 * @throws TypeError / RangeError for a wrong option
 */
export function applyStandardOptions(block: Block, options: StandardBlockOptions, defaultFreq: number | null, owner: string): void {
  const { freq = defaultFreq, displayFreq = false, debug = false } = options;
  block.freq = checkFreq(freq, owner);
  block.displayFreq = checkBoolean(displayFreq, owner, 'displayFreq');
  block.debug = checkDebug(debug, owner);
}
