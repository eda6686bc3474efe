import { DefinitionError } from './errors.js';

/** A class constructor, abstract or not. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClass<T = object> = abstract new (...args: any[]) => T;

/**
 * The classes of one family (Blocks, Modifiers, InOuts...) by class name, so
 * that a class can be named by a string (`'LabjackT7'`) as in the original.
 * Two different classes with the same name are a {@link DefinitionError}.
 * JavaScript has no hook on class definition: a class is registered when its
 * first instance is built, or explicitly with {@link ClassRegistry.register}.
 */
export class ClassRegistry<T extends object> {
  private readonly classes = new Map<string, AnyClass<T>>();

  /** @param family what the classes are, for error messages ("Block", "Modifier") */
  constructor(readonly family: string) {}

  /** Registers `cls` under its name; a different class already there is an error. */
  register(cls: AnyClass<T>): void {
    const known = this.classes.get(cls.name);
    if (known === cls) return;
    if (known !== undefined) {
      throw new DefinitionError(
        `The ${this.family} class name '${cls.name}' is already used by another class; give your class another name`,
      );
    }
    this.classes.set(cls.name, cls);
  }

  /** The class registered as `name`, if any. */
  get(name: string): AnyClass<T> | undefined {
    return this.classes.get(name);
  }

  /** Whether a class is registered as `name`. */
  has(name: string): boolean {
    return this.classes.has(name);
  }

  /** Every registered class name. */
  names(): string[] {
    return [...this.classes.keys()];
  }
}
