/**
 * The Blocks, as `crappy.blocks.X`.
 * @module
 */
export { Block } from '@crappy/core';
