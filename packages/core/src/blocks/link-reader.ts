import { Block } from '../block/block.js';
import { LogLevel } from '../logging/levels.js';
import { checkOptions, labelOption } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS, type StandardBlockOptions } from '../options/standard.js';
import { pythonRepr } from './python-repr.js';
import { requireLinks } from './require-links.js';

/** Options of {@link LinkReader}. */
export interface LinkReaderOptions extends StandardBlockOptions {
  /** The name shown in front of each message (default `'LinkReader <n>'`, n counting the LinkReaders created). */
  name?: string;
}

/**
 * Logs, at INFO level, every message it receives, one log line per
 * message and in the order of its input Links: `<name> got: {'a': 1, 't(s)': 0.5}`
 * (written as Python writes a dict, as in the
 * original). The simplest way to see what a Block sends.
 *
 * @example
 * ```ts
 * crappy.link(machine, new crappy.blocks.LinkReader({ name: 'machine' }));
 * ```
 */
export class LinkReader extends Block {
  /** How many LinkReaders were created in this thread (never reset), for the default names. */
  private static created = 0;

  /** The name written in front of each message. */
  readonly readerName: string;

  /**
   * @param options `name`, `freq` (default 50), `displayFreq`, `debug`
   * @throws TypeError / RangeError for a wrong option
   */
  constructor(options?: LinkReaderOptions) {
    super();
    LinkReader.created += 1;
    const checked = checkOptions(options, [...STANDARD_OPTIONS, 'name'], 'LinkReader');
    applyStandardOptions(this, checked, 50, 'LinkReader');
    this.readerName = labelOption(checked.name, `LinkReader ${LinkReader.created}`, 'LinkReader', 'name', true);
  }

  /** @throws Error when no Link points towards the LinkReader */
  override prepare(): void {
    requireLinks(this, false);
  }

  /** Logs each waiting message, Link after Link. */
  override loop(): void {
    this.activity.asked = true;
    for (const link of this.inputs) {
      while (link.poll()) {
        this.activity.got = true;
        this.log(LogLevel.INFO, `${this.readerName} got: ${pythonRepr(link.recv())}`);
      }
    }
  }
}
