import type { Block } from './block.js';
import { Link, type LinkOptions } from '../link/link.js';

/**
 * Links two Blocks: what `sender` sends, `receiver` receives. A Block may be
 * linked to itself. Same as `new Link(sender, receiver, options)`.
 * @example
 * crappy.link(machine, recorder, { modifier: new crappy.modifier.MovingAvg(10) });
 */
export function link(sender: Block, receiver: Block, options: LinkOptions = {}): Link {
  return new Link(sender, receiver, options);
}
