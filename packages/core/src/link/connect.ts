import { Block } from '../block/block.js';
import { runState } from '../runtime/run-state.js';
import { Link, type LinkOptions } from './link.js';

/**
 * Links two Blocks: what `sender` sends, `receiver` receives. A Block may be
 * linked to itself.
 * @example
 * crappy.link(machine, recorder, { modifier: new crappy.modifier.MovingAvg(10) });
 */
export function link(sender: Block, receiver: Block, options: LinkOptions = {}): Link {
  if (!(sender instanceof Block)) throw new TypeError(`link(): the sender must be a Block, got ${describe(sender)}`);
  if (!(receiver instanceof Block)) throw new TypeError(`link(): the receiver must be a Block, got ${describe(receiver)}`);
  const created = new Link(sender, receiver, options);
  sender.outputs.push(created);
  receiver.inputs.push(created);
  runState.links.push(created);
  return created;
}

function describe(value: unknown): string {
  return value === null || typeof value !== 'object' ? String(value) : (value.constructor?.name ?? 'an object');
}
