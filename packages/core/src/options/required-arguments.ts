/**
 * Constructors whose required values come first, then an options object,
 * and which also take everything in one options object, as the original's
 * keyword arguments: `new PID(1, { ki: 2 })` or `new PID({ kp: 1, ki: 2 })`.
 * @module
 * @internal
 */
import { isPlainObject } from '../message/message.js';
import type { RawOptions } from './check-options.js';

/** A required value: its name in the options object, and other names accepted there (`fileName` for `filePath`). */
export interface RequiredArgument {
  /** The option's name in the options object, e.g. `delay`. */
  readonly name: string;
  /** Other names accepted for it, e.g. `filePath` beside `fileName`. */
  readonly aliases?: readonly string[];
}

/** What {@link requiredArguments} found. */
export interface SplitArguments<O> {
  /** The required values, in order, not checked yet. */
  values: unknown[];
  /** The other options, not checked yet; `undefined` when none were given. */
  options: O | undefined;
}

/**
 * Reads a constructor's arguments: the required values then the options
 * object, or a plain object alone holding the required values among the
 * options.
 * @param args the constructor's arguments
 * @param required the required values, in order: a name, or a name with aliases
 * @param owner the class name, first word of the messages
 * @throws TypeError when a required value is missing, or given both before
 *   the options and in them, or under two of its names
 */
export function requiredArguments<O extends object>(
  args: readonly unknown[],
  required: readonly (string | RequiredArgument)[],
  owner: string,
): SplitArguments<O> {
  const specs = required.map((spec) => (typeof spec === 'string' ? { name: spec, aliases: [] } : { aliases: [], ...spec }));
  const inOptions = isPlainObject(args[0]) && args.slice(1).every((arg) => arg === undefined);
  if (inOptions) {
    const options: RawOptions = { ...(args[0] as RawOptions) };
    const values = specs.map(({ name, aliases }) => {
      const given = [name, ...aliases].filter((key) => options[key] !== undefined);
      if (given.length > 1) throw new TypeError(`${owner}: ${given.join(' and ')} are the same option, give only one`);
      const value = given.length === 1 ? options[given[0]!] : undefined;
      for (const key of [name, ...aliases]) delete options[key];
      return value;
    });
    specs.forEach(({ name }, i) => {
      if (values[i] === undefined) throw missing(owner, name, i);
    });
    return { values, options: options as O };
  }
  const values = specs.map(({ name }, i) => {
    if (args[i] === undefined) throw missing(owner, name, i);
    return args[i];
  });
  const options = args[specs.length];
  if (isPlainObject(options)) {
    for (const { name, aliases } of specs) {
      const twice = [name, ...aliases].find((key) => options[key] !== undefined);
      if (twice !== undefined) throw new TypeError(`${owner}: ${twice} is given twice, as an argument and in the options`);
    }
  }
  return { values, options: options as O | undefined };
}

/** The error for the missing required value `name`, saying both ways to give it. */
function missing(owner: string, name: string, index: number): TypeError {
  return new TypeError(`${owner}: ${name} is required, as argument ${index + 1} or in a single options object ({ ${name}, ... })`);
}
