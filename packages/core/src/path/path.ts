import type { DataLists } from '../block/block.js';
import { parseLevel, type LogLevel, type LogLevelName } from '../logging/levels.js';
import { ClassRegistry, type AnyClass } from '../registry.js';
import { systemClock, type Clock } from '../time/clock.js';
import { parseCondition, type Condition, type ConditionSpec } from './condition.js';
import { PathEnd } from './path-end.js';

/** What a Path is created with, besides its own options: where the signal stands. */
export interface PathContext {
  /** When the Path starts (s since the epoch): the time of the previous Path's last command. */
  t0: number;
  /** The last command sent before this Path, `null` for the first Path. */
  lastCmd: number | null;
  /** The time source (the Generator's clock). */
  clock?: Clock;
  /** Where {@link Path.log} writes (the Generator's log). */
  log?: (level: number, message: string) => void;
}

/**
 * A Path class: built with one options object, e.g.
 * `class Hold extends Path { constructor(options: { value: number }) {...} }`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PathClass<P extends Path = Path> = new (options: any) => P;

const NO_CONTEXT: PathContext = { t0: 0, lastCmd: null };
let pending: PathContext = NO_CONTEXT;

/**
 * The base of the Generator's Paths: one stretch of the generated signal
 * (a constant, a ramp, a sine...), which ends when its condition holds.
 *
 * A subclass reads its options in its constructor (checking them there, so
 * that a Generator with a bad Path fails when created) and implements
 * {@link Path.getCmd}, which returns the next command and calls
 * {@link Path.end} when the Path is over. {@link Path.t0} and
 * {@link Path.lastCmd} are already set when the subclass's constructor runs.
 *
 * The Generator finds a Path given as a string (`{ type: 'Ramp' }`) in
 * {@link Path.classes}: built-in Paths are registered there, a Path class of
 * your own is registered when its first instance is created, or by
 * `Path.classes.register(MyPath)`; it may also be given as the class itself
 * (`{ type: MyPath }`).
 */
export abstract class Path {
  /** Every Path class, by class name. */
  static readonly classes = new ClassRegistry<Path>('Path');

  /** When this Path (or, for cyclic Paths, its current phase) started, in seconds since the epoch. */
  t0: number;
  /** The last command sent before this Path started, `null` if it is the first one. */
  lastCmd: number | null;
  /** The time source: `this.clock.time()` is the current time in seconds since the epoch. */
  clock: Clock;
  private readonly logTo: ((level: number, message: string) => void) | undefined;

  /** Takes its {@link PathContext} from {@link Path.create}, or starts at t0 = 0 after no command. */
  constructor() {
    Path.classes.register(new.target as AnyClass<Path>);
    this.t0 = pending.t0;
    this.lastCmd = pending.lastCmd;
    this.clock = pending.clock ?? systemClock;
    this.logTo = pending.log;
  }

  /**
   * Creates a Path of class `type` with its `options`, starting in `context`
   * (what the Generator does for each Path).
   */
  static create<P extends Path>(type: PathClass<P>, options: object, context: PathContext): P {
    const previous = pending;
    pending = context;
    try {
      return new type(options);
    } finally {
      pending = previous;
    }
  }

  /**
   * The command for this loop, or `null` to send nothing this loop.
   * @param data what the Generator received during the loop, `{label: [values]}`
   * @throws PathEnd (through {@link Path.end}) when the Path is over
   */
  abstract getCmd(data: DataLists): number | null;

  /** Seconds since {@link Path.t0}. */
  elapsed(): number {
    return this.clock.time() - this.t0;
  }

  /**
   * Ends the Path: call it from {@link Path.getCmd}.
   * @throws PathEnd always
   */
  protected end(): never {
    throw new PathEnd(`end of the ${this.constructor.name} Path`);
  }

  /**
   * Parses one condition option of this Path, once (see `parseCondition` for
   * the syntax). A `delay=x` condition counts from {@link Path.t0} as it is
   * when tested.
   * @param option the option's name, for error messages
   * @throws TypeError when the option is missing (give `null` for a condition that never holds)
   * @throws ConditionSyntaxError for a malformed string
   */
  protected condition(spec: ConditionSpec | undefined, option: string): Condition {
    const owner = `${this.constructor.name}: option '${option}'`;
    if (spec === undefined) throw new TypeError(`${owner} is required (null for a condition that never holds)`);
    return parseCondition(spec, { owner, elapsed: () => this.elapsed() });
  }

  /**
   * Logs a message through the Generator running this Path (nothing outside a run).
   * @throws RangeError for an unknown level name
   */
  log(level: LogLevel | LogLevelName | number, message: string): void {
    const value = parseLevel(level, 'Path.log(): level');
    this.logTo?.(value, `${this.constructor.name}: ${message}`);
  }
}
