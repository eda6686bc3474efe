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
 * @module crappy
 */

export * from '@crappy/core';
