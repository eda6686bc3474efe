/**
 * The Generator, StopBlock and Pause Blocks, re-exported by `blocks/index.ts`.
 * @module
 */
export { Generator, type BuiltinPathSpec, type GeneratorOptions, type PathSpec } from './generator.js';
export { Pause, type PauseOptions } from './pause.js';
export { StopBlock, type StopBlockOptions } from './stop-block.js';
export type { Criterion } from '../path/criteria.js';
