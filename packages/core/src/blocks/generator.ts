import { Block, type DataLists, type MaybePromise } from '../block/block.js';
import { DefinitionError, GeneratorStop } from '../errors.js';
import { LogLevel } from '../logging/levels.js';
import { booleanOption, checkOptions, delayOption, describe, labelOption, quoted, requiredArguments } from '../options/index.js';
import { applyStandardOptions } from '../options/standard.js';
import type { ConditionalOptions } from '../path/conditional.js';
import type { ConstantOptions } from '../path/constant.js';
import type { CustomOptions } from '../path/custom.js';
import type { CyclicRampOptions } from '../path/cyclic-ramp.js';
import type { CyclicOptions } from '../path/cyclic.js';
import type { IntegratorOptions } from '../path/integrator.js';
import { ConditionSyntaxError } from '../path/condition.js';
import { PathEnd } from '../path/path-end.js';
import { Path, type PathClass, type PathContext } from '../path/path.js';
import type { RampOptions } from '../path/ramp.js';
import type { SineOptions } from '../path/sine.js';

/** A built-in Path named by its type, with its options. */
export type BuiltinPathSpec =
  | ({ type: 'Constant' } & ConstantOptions)
  | ({ type: 'Ramp' } & RampOptions)
  | ({ type: 'Sine' } & SineOptions)
  | ({ type: 'Cyclic' } & CyclicOptions)
  | ({ type: 'CyclicRamp' } & CyclicRampOptions)
  | ({ type: 'Conditional' } & ConditionalOptions)
  | ({ type: 'Integrator' } & IntegratorOptions)
  | ({ type: 'Custom' } & CustomOptions);

/**
 * One Path of a Generator: `type` is the name of a registered Path class
 * (`'Ramp'`, or your own class's name once registered) or the class itself;
 * the other keys are that Path's options.
 */
export type PathSpec = BuiltinPathSpec | { type: string | PathClass; [option: string]: unknown };

/** Options of {@link Generator}. */
export interface GeneratorOptions {
  /** Loops per second (default 200); `null` loops as fast as possible. */
  freq?: number | null;
  /** Label of the command (default `'cmd'`). */
  cmdLabel?: string;
  /** Label of the index of the current Path (default `'index'`), which changes even when the command does not. */
  pathIndexLabel?: string;
  /** Start over from the first Path after the last one, forever; the index keeps increasing (default false). */
  repeat?: boolean;
  /** Send at every loop, even when neither the command nor the index changed (default false). */
  spam?: boolean;
  /** Log the loops per second every 2 s (default false). */
  displayFreq?: boolean;
  /**
   * Once the last Path is over, wait this many seconds and then stop the
   * whole run (default 2); `null`: stay idle and let the run go on.
   */
  endDelay?: number | null;
  /** Send nothing until the first data arrives from an input Link, so that the first Path's condition can be checked (default false). */
  safeStart?: boolean;
  /** `true`: DEBUG logs; `false` (default): INFO and above; `null`: CRITICAL only. */
  debug?: boolean | null;
}

const OPTION_NAMES = ['freq', 'cmdLabel', 'pathIndexLabel', 'repeat', 'spam', 'displayFreq', 'endDelay', 'safeStart', 'debug'];
/** Longest single sleep while waiting `endDelay`, so that a stop of the run is seen (s). */
const END_DELAY_STEP = 0.1;

/** A Path of the list, resolved and checked. */
interface ResolvedPath {
  cls: PathClass;
  options: Record<string, unknown>;
}

/**
 * Generates a command signal made of a list of Paths (constants, ramps,
 * sines, cycles, a file...), one after the other: each Path runs until its
 * condition holds, then the next one starts where it left off. It sends
 * `[t(s), cmd, index]` whenever the command or the Path changes. Data
 * received from input Links is given to the Paths, to test their conditions.
 *
 * Once the last Path is over, the Generator stops the whole run after
 * `endDelay` seconds (a clean end, {@link GeneratorStop}), unless `repeat`
 * or `endDelay: null`.
 *
 * @example
 * ```ts
 * const gen = new crappy.blocks.Generator(
 *   [{ type: 'Ramp', speed: 5 / 60, condition: 'Exx(%)>5', initValue: 0 },
 *    { type: 'Constant', value: 0, condition: 'delay=2' }],
 *   { freq: 50, cmdLabel: 'cmd' });
 * ```
 */
export class Generator extends Block {
  /** Whether the Paths start over after the last one. */
  readonly repeat: boolean;
  /** Whether the command is sent at every loop. */
  readonly spam: boolean;
  /** Seconds between the end of the last Path and the end of the run; `null` to stay idle. */
  readonly endDelay: number | null;
  /** Whether nothing is sent before the first data arrives. */
  readonly safeStart: boolean;

  private readonly paths: readonly ResolvedPath[];
  private current: Path | null = null;
  /** Index of the current Path, counting the repetitions; −1 before the first. */
  private index = -1;
  private lastCmd: number | null = null;
  private lastIndex: number | null = null;
  private lastTime: number | null = null;
  private idle = false;
  private started = false;

  /**
   * @param options the options with `path`, as the original's keyword arguments
   * @throws TypeError without `path`
   */
  constructor(options: GeneratorOptions & { path: readonly PathSpec[] });
  /**
   * Checks every option and creates every Path once, so that a mistake shows
   * now rather than when the Path is reached.
   * @param path the Paths, in order: `{ type, ...options }`
   * @throws TypeError / RangeError naming the option, or the Path entry and its option
   */
  constructor(path: readonly PathSpec[], options?: GeneratorOptions);
  constructor(...args: unknown[]) {
    super();
    const { values: [path], options } = requiredArguments<GeneratorOptions>(args, ['path'], 'Generator');
    const raw = checkOptions(options, OPTION_NAMES, 'Generator');
    applyStandardOptions(this, raw, 200, 'Generator', quoted);
    const cmdLabel = labelOption(raw.cmdLabel, 'cmd', 'Generator', quoted('cmdLabel'));
    const indexLabel = labelOption(raw.pathIndexLabel, 'index', 'Generator', quoted('pathIndexLabel'));
    this.labels = ['t(s)', cmdLabel, indexLabel];
    this.niceness = -5;
    this.repeat = booleanOption(raw.repeat, false, 'Generator', quoted('repeat'));
    this.spam = booleanOption(raw.spam, false, 'Generator', quoted('spam'));
    this.endDelay = delayOption(raw.endDelay, 2, 'Generator', quoted('endDelay'));
    this.safeStart = booleanOption(raw.safeStart, false, 'Generator', quoted('safeStart'));
    if (!Array.isArray(path)) throw new TypeError(`Generator: path must be an array of {type, ...options}, got ${describe(path)}`);
    if (path.length === 0) throw new RangeError('Generator: path must hold at least one Path');
    this.paths = path.map((spec, i) => this.check(spec, i));
  }

  /** Starts the first Path at the run's `t0`. */
  override begin(): void {
    this.nextPath();
  }

  /**
   * Gives this loop's data to the current Path and sends its command when
   * it changed; moves on to the next Path when the current one ends.
   * Returns a Promise only while waiting `endDelay` after the last Path.
   * @throws GeneratorStop `endDelay` seconds after the last Path ended
   */
  override loop(): MaybePromise {
    if (this.idle) return;
    if (this.safeStart && !this.started) {
      if (!this.dataAvailable()) {
        this.log(LogLevel.DEBUG, 'Waiting for the first data before starting (safeStart)');
        return;
      }
      this.started = true;
      this.log(LogLevel.INFO, 'First data received, starting safely');
    }
    for (let ended = 0; ; ended++) {
      const data: DataLists = this.recvAllData();
      this.lastTime = this.clock.time();
      let cmd: number | null;
      try {
        cmd = this.current!.getCmd(data);
      } catch (error) {
        if (!(error instanceof PathEnd)) throw error;
        if (ended >= this.paths.length) {
          throw new RangeError('Generator: every Path ends as soon as it starts; with repeat, the Generator would loop forever');
        }
        if (!this.nextPath()) return this.afterLastPath();
        continue;
      }
      if (cmd === null || cmd === undefined) return;
      if (cmd !== this.lastCmd || this.index !== this.lastIndex || this.spam) {
        this.lastCmd = cmd;
        this.lastIndex = this.index;
        this.send([this.lastTime - this.t0, cmd, this.index]);
      }
      return;
    }
  }

  /** Resolves one entry of the path list and creates it once, with a zero start and a previous command of 0 (none for the first). */
  private check(spec: PathSpec, i: number): ResolvedPath {
    const where = `Generator: path entry ${i}`;
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
      throw new TypeError(`${where} must be an object {type, ...options}, got ${describe(spec)}`);
    }
    const { type, ...options } = spec as { type: unknown } & Record<string, unknown>;
    const resolved = { cls: resolveType(type, where), options };
    try {
      Path.create(resolved.cls, options, { t0: 0, lastCmd: i === 0 ? null : 0, clock: this.clock });
    } catch (error) {
      throw withContext(error, `${where}: `);
    }
    return resolved;
  }

  /**
   * Starts the next Path where the previous one left off (its last loop's
   * time and the last command sent).
   * @returns false when there is no next Path
   */
  private nextPath(): boolean {
    const position = this.index + 1;
    if (!this.repeat && position >= this.paths.length) return false;
    const { cls, options } = this.paths[position % this.paths.length]!;
    const context: PathContext = {
      t0: this.lastTime ?? this.t0,
      lastCmd: this.lastCmd,
      clock: this.clock,
      log: (level, message) => this.log(level, message),
    };
    this.current = Path.create(cls, options, context);
    this.index = position;
    this.log(LogLevel.INFO, `Next generator path (index ${position}): ${cls.name}`);
    return true;
  }

  /** After the last Path: stay idle, or end the run after `endDelay`. */
  private afterLastPath(): MaybePromise {
    if (this.endDelay !== null) return this.stopAfter(this.endDelay);
    this.idle = true;
    this.log(LogLevel.WARNING, 'Generator path exhausted, staying idle until the run ends');
  }

  /**
   * Waits `delay` seconds, then ends the run. It sleeps in slices of at
   * most {@link END_DELAY_STEP}, so as to see a stop of the run, and counts
   * them: the wait is over after all of them, or earlier once the clock
   * moved by `delay`, so it also ends with a test clock that does not move.
   */
  private async stopAfter(delay: number): Promise<never> {
    const slices = Math.ceil(delay / END_DELAY_STEP);
    const start = this.clock.time();
    for (let slice = 0; slice < slices && !this.controlBlock?.stop.isSet(); slice++) {
      const left = delay - (this.clock.time() - start);
      if (left <= 0) break;
      await this.clock.sleep(Math.min(delay / slices, left));
    }
    throw new GeneratorStop(`all the Paths are done, ${delay} s ago`);
  }
}

/** The Path class named by `type`: a registered name or a Path subclass. */
function resolveType(type: unknown, where: string): PathClass {
  if (typeof type === 'string') {
    const cls = Path.classes.get(type);
    if (cls === undefined) {
      const known = Path.classes.names().sort().join(', ');
      throw new RangeError(
        `${where}: Unknown Generator path type : ${type} ! The possible types are : ${known} (register your own with Path.classes.register(MyPath), or give the class itself)`,
      );
    }
    return cls as unknown as PathClass;
  }
  if (typeof type === 'function' && type.prototype instanceof Path) return type as PathClass;
  throw new TypeError(`${where}: 'type' must be the name of a Path or a Path class, got ${describe(type)}`);
}

/** The same kind of error with `prefix` before its message (the original as its cause). */
function withContext(error: unknown, prefix: string): unknown {
  if (!(error instanceof Error) || error instanceof DefinitionError) return error;
  const message = prefix + error.message;
  if (error instanceof ConditionSyntaxError) return new ConditionSyntaxError(message, error.condition, error.index);
  if (error instanceof TypeError) return new TypeError(message, { cause: error });
  if (error instanceof RangeError) return new RangeError(message, { cause: error });
  return new Error(message, { cause: error });
}
