/**
 * Checks of constructor options, shared by the standard Blocks, Modifiers,
 * Paths, InOuts and Actuators, and by the other packages' Blocks (through
 * `@crappy/core/options`), so that every wrong option gives the same kind
 * of message: `<Class>: <option> must be <what>, got <value>`.
 * @module
 * @internal
 */
export * from './check-options.js';
export * from './required-arguments.js';
export * from './show.js';
export * from './standard.js';
export * from './values.js';
