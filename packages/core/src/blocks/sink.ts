import { Block } from '../block/block.js';
import { checkOptions } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS, type StandardBlockOptions } from '../options/standard.js';
import { requireLinks } from './require-links.js';

/** Options of {@link Sink}: the standard ones, with `freq` 10 by default. */
export type SinkOptions = StandardBlockOptions;

/**
 * Reads and drops everything it receives. Useful while setting up a test,
 * to give an output Link to a Block that only acquires when it has one
 * (an IOBlock), without recording or plotting. It keeps running while the
 * test is paused, so that its inputs never fill up.
 *
 * @example
 * ```ts
 * crappy.link(daq, new crappy.blocks.Sink());
 * ```
 */
export class Sink extends Block {
  /**
   * @param options `freq` (default 10), `displayFreq`, `debug`
   * @throws TypeError / RangeError for a wrong option
   */
  constructor(options?: SinkOptions) {
    super();
    applyStandardOptions(this, checkOptions(options, STANDARD_OPTIONS, 'Sink'), 10, 'Sink');
    this.pausable = false;
  }

  /** @throws Error when no Link points towards the Sink */
  override prepare(): void {
    requireLinks(this, false);
  }

  /** Takes and drops every waiting message. */
  override loop(): void {
    this.recvAllDataRaw();
  }
}
