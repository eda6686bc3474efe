/**
 * Blocks of this family, re-exported by `blocks/index.ts`.
 * @module
 */
export {};
