import { DefinitionError } from '../errors.js';
import type { Message } from '../message/message.js';
import { ClassRegistry } from '../registry.js';

/** What a modifier returns: the changed message, or `null`/`undefined` to drop it. */
export type ModifierResult = Message | null | undefined;

/**
 * Base class of stateful modifiers: objects that change (or drop) the
 * messages of a Link, in the sending Block's thread, before they are sent.
 * Override {@link Modifier.call}. A plain function `(data) => data` works as a
 * modifier too.
 */
export abstract class Modifier {
  /** Every Modifier class, by name. */
  static readonly classes = new ClassRegistry<Modifier>('Modifier');

  constructor() {
    const cls = new.target;
    Modifier.classes.register(cls);
    if (typeof (this as { evaluate?: unknown }).evaluate === 'function') {
      throw new DefinitionError(
        `The Modifier ${cls.name} defines evaluate(), which was renamed: implement call(data) instead`,
      );
    }
  }

  /**
   * Changes one message.
   * @param data a copy of the message, which the modifier may change in place
   * @returns the message to send on, or `null`/`undefined` to drop it
   */
  abstract call(data: Message): ModifierResult;
}

/** A modifier: a {@link Modifier} object or a plain function. */
export type ModifierLike = Modifier | ((data: Message) => ModifierResult);

/** Whether `value` can be used as a modifier. */
export function isModifierLike(value: unknown): value is ModifierLike {
  return typeof value === 'function' || (value instanceof Object && typeof (value as Modifier).call === 'function');
}

/** Runs one modifier on `data`. */
export function applyModifier(modifier: ModifierLike, data: Message): ModifierResult {
  return typeof modifier === 'function' ? modifier(data) : modifier.call(data);
}
