/**
 * Blocks of this family, re-exported by `blocks/index.ts`: the Blocks that
 * drop, display, average or align data.
 * @module
 */
export { LinkReader, type LinkReaderOptions } from './link-reader.js';
export { MeanBlock, type MeanBlockOptions } from './mean-block.js';
export { Multiplexer, type MultiplexerOptions } from './multiplexer.js';
export { Sink, type SinkOptions } from './sink.js';
export type { StandardBlockOptions } from '../options/standard.js';
export { Synchronizer, type SynchronizerOptions } from './synchronizer.js';
