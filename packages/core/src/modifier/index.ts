/**
 * The modifiers, as `crappy.modifier.X`.
 * @module
 */
export { Modifier, type ModifierLike, type ModifierResult } from './modifier.js';
