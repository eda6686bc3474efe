/**
 * The check, in `prepare()`, that a Block has the Links it needs.
 * @module
 */
import type { Block } from '../block/block.js';

/**
 * Throws when `block` lacks an input Link, or an output Link if `outputs`
 * is true (the original raises an IOError).
 * @throws Error naming the Block and the missing side
 */
export function requireLinks(block: Block, outputs: boolean): void {
  if (block.inputs.length === 0) {
    throw new Error(`${block.name}: no Link points towards this Block; link an upstream Block to it`);
  }
  if (outputs && block.outputs.length === 0) {
    throw new Error(`${block.name}: this Block has no output Link; link it to a downstream Block`);
  }
}
