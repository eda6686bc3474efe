/**
 * This family, as `crappy.actuator.X`.
 * @module
 */
export {};
