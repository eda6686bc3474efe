/**
 * The standard Blocks, as `crappy.blocks.X`. Loading this module registers
 * every standard Block class in `Block.classes`, as the original does at
 * class definition, so that a user's class cannot take a built-in's name.
 * @module
 */
import { Block } from '../block/block.js';
import type { AnyClass } from '../registry.js';
import * as dataBlocks from './data-blocks.js';
import * as generatorBlocks from './generator-blocks.js';
import * as ioBlocks from './io-blocks.js';
import * as recordBlocks from './record-blocks.js';

export { Block } from '../block/block.js';
export * from './data-blocks.js';
export * from './generator-blocks.js';
export * from './io-blocks.js';
export * from './record-blocks.js';

for (const family of [dataBlocks, generatorBlocks, ioBlocks, recordBlocks]) {
  for (const value of Object.values(family)) {
    if (typeof value === 'function' && value.prototype instanceof Block) Block.classes.register(value as AnyClass<Block>);
  }
}
