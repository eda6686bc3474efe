/**
 * `crappy`: Crappy for TypeScript. Create Blocks, wire them with
 * {@link link}, and `await start()`.
 *
 * @example
 * ```ts
 * import * as crappy from 'crappy';
 * class Counter extends crappy.Block { ... }
 * crappy.link(new Counter(), new Printer());
 * await crappy.start();
 * ```
 * @packageDocumentation
 */

export * from '@crappy/core';
export * as blocks from './blocks.js';
export * as modifier from './modifier.js';
