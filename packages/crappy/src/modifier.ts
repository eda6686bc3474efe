/**
 * The modifiers, as `crappy.modifier.X`.
 * @module
 */
export { Modifier } from '@crappy/core';
