/**
 * The standard Blocks, as `crappy.blocks.X`.
 * @module
 */
export { Block } from '../block/block.js';
export * from './data-blocks.js';
export * from './generator-blocks.js';
export * from './io-blocks.js';
export * from './record-blocks.js';
