/**
 * This family, as `crappy.inout.X`.
 * @module
 */
export {};
