/**
 * This family, as `crappy.path.X`.
 * @module
 */
export {};
