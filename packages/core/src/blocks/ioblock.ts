import { Block, type MaybePromise } from '../block/block.js';
import type { InOutData, InOutStream } from '../inout/data.js';
import { InOut, type InOutClass } from '../inout/inout.js';
import { TIME_LABEL } from '../inout/offsets.js';
import { isPlainObject, type LinkValue, type Message } from '../message/message.js';
import { LogLevel } from '../logging/levels.js';
import { booleanOption, labelOption, labelsOption, numberOption, show, splitOptions } from '../options/index.js';
import { applyStandardOptions } from '../options/standard.js';
import { runSteps, wait, type Steps } from '../util/maybe-async.js';

/** Options of {@link IOBlock}, besides those of the InOut it drives. */
export interface IOBlockOptions {
  /**
   * Names of the values of an InOut that reads arrays, time first
   * (`['t(s)', 'F(N)']`). Not needed when it reads objects. Default for a
   * streamer: `['t(s)', 'stream']`.
   */
  labels?: string | string[] | null;
  /** Labels whose values are passed to the InOut's `setCmd()`, in this order. */
  cmdLabels?: string | string[] | null;
  /** Read only when a value arrives on this label (any value). */
  triggerLabel?: string | null;
  /** Read with `startStream()` / `returnStream()` instead of `returnData()` (default false). */
  streamer?: boolean;
  /** Command set in `prepare()`: one value per `cmdLabels` entry. */
  initialCmd?: unknown;
  /** Command set in `finish()`: one value per `cmdLabels` entry. */
  exitCmd?: unknown;
  /** Zero the readings over this many seconds before the run (`InOut.makeZero()`). */
  makeZeroDelay?: number | null;
  /** Set every command received, even when it did not change (default false). */
  spam?: boolean;
  /** Loops per second (default 200); `null` loops as fast as possible. */
  freq?: number | null;
  /** Log the achieved loops/s every 2 s (default false). */
  displayFreq?: boolean;
  /** `true`: DEBUG logs; `false` (default): INFO and above; `null`: none. */
  debug?: boolean | null;
}

/**
 * The options of the InOut class `C` (its constructor's only argument), or
 * any options when the class is only known by name.
 */
export type InOutOptionsOf<C> = C extends new (options?: infer O) => InOut
  ? 0 extends 1 & O
    ? Record<string, unknown>
    : NonNullable<O>
  : Record<string, unknown>;

const OWN_OPTIONS = [
  'labels',
  'cmdLabels',
  'triggerLabel',
  'streamer',
  'initialCmd',
  'exitCmd',
  'makeZeroDelay',
  'spam',
  'freq',
  'displayFreq',
  'debug',
];

/**
 * Drives one {@link InOut}: reads it and sends its readings, and/or sets on
 * it the commands it receives.
 *
 * - With output Links, each loop reads the InOut (`returnData()`, or
 *   `returnStream()` for a `streamer`), makes its time relative to `t0` and
 *   sends it; with a `triggerLabel`, only in the loops that received a value
 *   on that label.
 * - With `cmdLabels`, each loop that received data completes it with the
 *   last values seen, and calls `setCmd(...values of cmdLabels)` once every
 *   label has a value, when the command changed (or every time with `spam`).
 *
 * In `prepare()` it opens the InOut, zeroes it (`makeZeroDelay`), and sets
 * `initialCmd`; in `finish()` it stops the stream, sets `exitCmd`, and
 * closes the InOut. Its niceness is −10.
 *
 * @example
 * ```ts
 * const io = new crappy.blocks.IOBlock('FakeInOut', { labels: ['t(s)', 'memory(MB)'], freq: 20 });
 * ```
 */
export class IOBlock<C extends InOutClass = InOutClass> extends Block {
  /** The InOut this Block drives, created by the constructor (which only stores its options: it opens nothing). */
  readonly inout: InOut;

  private readonly cmdLabels: string[] | null;
  private readonly triggerLabel: string | null;
  private readonly streamer: boolean;
  private readonly initialCmd: unknown[] | null;
  private readonly exitCmd: unknown[] | null;
  private readonly makeZeroDelay: number | null;
  private readonly spam: boolean;
  private reads = false;
  private writes = false;
  private opened = false;
  private streamStarted = false;
  private lastCmd: unknown[] | null = null;
  private readonly knownValues: Message = {};

  /**
   * @param inout the InOut to drive: its class, or its class name (`'FakeInOut'`)
   * @param options this Block's options, plus the InOut's own options, which
   *   are passed to its constructor
   * @throws RangeError for an unknown InOut name, or an `initialCmd` /
   *   `exitCmd` whose length differs from `cmdLabels`'
   * @throws TypeError for an option of the wrong type (the InOut checks its own)
   */
  constructor(inout: string | C, options: IOBlockOptions & InOutOptionsOf<C> = {} as IOBlockOptions & InOutOptionsOf<C>) {
    super();
    const cls = resolveInOut(inout);
    const owner = `IOBlock(${cls.name})`;
    const [own, forInOut] = splitOptions(options, OWN_OPTIONS, owner);

    this.niceness = -10;
    applyStandardOptions(this, own, 200, owner);
    this.streamer = booleanOption(own.streamer, false, owner, 'streamer');
    this.labels = labelsOption(own.labels, owner, 'labels') ?? (this.streamer ? [TIME_LABEL, 'stream'] : null);
    this.cmdLabels = labelsOption(own.cmdLabels, owner, 'cmdLabels');
    this.triggerLabel = labelOption(own.triggerLabel, null, owner, 'triggerLabel');
    this.initialCmd = commandOption(own.initialCmd, this.cmdLabels, owner, 'initialCmd');
    this.exitCmd = commandOption(own.exitCmd, this.cmdLabels, owner, 'exitCmd');
    this.makeZeroDelay =
      own.makeZeroDelay === undefined || own.makeZeroDelay === null
        ? null
        : numberOption(own.makeZeroDelay, 0, owner, 'makeZeroDelay', { min: 0 });
    this.spam = booleanOption(own.spam, false, owner, 'spam');
    this.inout = new cls(forInOut);
  }

  /**
   * Checks the Links (at once), then opens the InOut, zeroes it, and sets
   * the initial command.
   * @returns a Promise only when one of the InOut's methods returns one
   * @throws Error when the Block has no Link
   * @throws RangeError when it has input Links but neither `cmdLabels` nor `triggerLabel`
   */
  override prepare(): MaybePromise {
    const device = this.inout.constructor.name;
    if (this.inputs.length === 0 && this.outputs.length === 0) {
      throw new Error(`${this.name}: the IOBlock driving ${device} has no Link; link it to a Block it reads for or writes from`);
    }
    if (this.inputs.length > 0 && this.cmdLabels === null && this.triggerLabel === null) {
      throw new RangeError(`${this.name}: the IOBlock driving ${device} has input Links but neither cmdLabels nor triggerLabel`);
    }
    this.reads = this.outputs.length > 0;
    this.writes = this.cmdLabels !== null && this.cmdLabels.length > 0;
    this.inout.clock = this.clock;
    this.inout.logTo = (level, message) => this.log(level, message);
    return runSteps(this.openSteps(device));
  }

  /**
   * Reads and sends (on trigger if one is set), then sets the received command if it changed.
   * @returns a Promise only when one of the InOut's methods returns one
   */
  override loop(): MaybePromise {
    return runSteps(this.loopSteps());
  }

  /**
   * Stops the stream, sets the exit command, and closes the InOut (if `prepare()` got to open it).
   * @returns a Promise only when one of the InOut's methods returns one
   */
  override finish(): MaybePromise {
    if (!this.opened) return;
    return runSteps(this.closeSteps(this.inout.constructor.name));
  }

  private *openSteps(device: string): Steps<void> {
    this.log(LogLevel.INFO, `Opening the ${device} InOut`);
    this.opened = true;
    yield* wait(this.inout.open());
    this.log(LogLevel.INFO, `${device} InOut opened`);
    if (this.reads && this.makeZeroDelay !== null) {
      this.log(LogLevel.INFO, `Zeroing the ${device} InOut over ${this.makeZeroDelay} s`);
      yield* wait(this.inout.makeZero(this.makeZeroDelay));
    }
    if (this.writes && this.initialCmd !== null) {
      this.log(LogLevel.INFO, `Setting the initial command of the ${device} InOut`);
      yield* wait(this.inout.setCmd(...this.initialCmd));
      this.lastCmd = this.initialCmd;
      this.cmdLabels!.forEach((label, i) => (this.knownValues[label] = this.initialCmd![i] as LinkValue));
    }
  }

  private *loopSteps(): Steps<void> {
    const data = this.recvLastData(false);
    if (this.reads && (this.triggerLabel === null || this.triggerLabel in data)) {
      if (this.triggerLabel !== null) this.log(LogLevel.DEBUG, 'Trigger received');
      yield* this.readSteps();
    }
    if (!this.writes || Object.keys(data).length === 0) return;
    Object.assign(this.knownValues, data);
    const labels = this.cmdLabels!;
    const missing = labels.filter((label) => !(label in this.knownValues));
    if (missing.length > 0) {
      this.log(LogLevel.WARNING, `No value received yet for ${missing.join(', ')}: the command is not set`);
      return;
    }
    const cmd = labels.map((label) => this.knownValues[label]);
    if (this.spam || !sameCommand(cmd, this.lastCmd)) {
      this.log(LogLevel.DEBUG, `Setting the command ${show(cmd)}`);
      yield* wait(this.inout.setCmd(...cmd));
      this.lastCmd = cmd;
    }
  }

  private *closeSteps(device: string): Steps<void> {
    if (this.streamer && this.streamStarted) {
      this.log(LogLevel.INFO, `Stopping the stream of the ${device} InOut`);
      yield* wait(this.inout.stopStream());
    }
    if (this.writes && this.exitCmd !== null) {
      this.log(LogLevel.INFO, `Setting the exit command of the ${device} InOut`);
      yield* wait(this.inout.setCmd(...this.exitCmd));
    }
    this.log(LogLevel.INFO, `Closing the ${device} InOut`);
    yield* wait(this.inout.close());
    this.log(LogLevel.INFO, `${device} InOut closed`);
  }

  /** Reads one reading or stream chunk, makes its time relative to t0, and sends it. */
  private *readSteps(): Steps<void> {
    let data: InOutData | InOutStream | null;
    if (this.streamer) {
      if (!this.streamStarted) {
        this.log(LogLevel.INFO, `Starting the stream of the ${this.inout.constructor.name} InOut`);
        yield* wait(this.inout.startStream());
        this.streamStarted = true;
      }
      data = yield* wait(this.inout.returnStream());
    } else {
      data = yield* wait(this.inout.returnData());
    }
    if (data === null) return;
    const t0 = this.t0;
    if (isPlainObject(data)) {
      const message = { ...(data as Message) };
      message[TIME_LABEL] = relative(message[TIME_LABEL], t0);
      this.send(message);
    } else {
      const values = [...(data as LinkValue[])];
      values[0] = relative(values[0], t0);
      this.send(values);
    }
  }
}

/** The InOut class named or given. */
function resolveInOut<C extends InOutClass>(inout: string | C): C {
  if (typeof inout === 'function') {
    if (!(inout.prototype instanceof InOut)) {
      throw new TypeError(`IOBlock: the class ${inout.name} does not extend InOut`);
    }
    return inout;
  }
  if (typeof inout !== 'string') {
    throw new TypeError(`IOBlock: the InOut must be a class name or a class extending InOut, got ${show(inout)}`);
  }
  const cls = InOut.classes.get(inout);
  if (cls === undefined) {
    const known = InOut.classes.names().sort().join(', ');
    throw new RangeError(
      `IOBlock: unknown InOut '${inout}' (known: ${known}). For a class of your own, pass the class itself, new IOBlock(${inout}, ...), or register it first with InOut.classes.register(${inout})`,
    );
  }
  return cls as unknown as C;
}

/** Reads `initialCmd` / `exitCmd`: a value or an array of values, as many as `cmdLabels`. */
function commandOption(value: unknown, cmdLabels: string[] | null, owner: string, option: string): unknown[] | null {
  if (value === undefined || value === null) return null;
  const cmd = Array.isArray(value) ? [...(value as unknown[])] : [value];
  const expected = cmdLabels?.length ?? 0;
  if (cmd.length !== expected) {
    throw new RangeError(
      `${owner}: ${option} has ${cmd.length} value(s) but cmdLabels has ${expected} label(s); give one value per command label`,
    );
  }
  return cmd;
}

/** A time, or an array of times, minus `t0`. */
function relative(time: LinkValue, t0: number): LinkValue {
  if (typeof time === 'number') return time - t0;
  if (Array.isArray(time)) return time.map((t) => (t as number) - t0);
  if (ArrayBuffer.isView(time)) return Float64Array.from(time as ArrayLike<number>, (t) => t - t0);
  throw new TypeError(`IOBlock: the time read must be a number or an array of numbers, got ${show(time)}`);
}

function sameCommand(cmd: readonly unknown[], last: readonly unknown[] | null): boolean {
  return last !== null && cmd.length === last.length && cmd.every((value, i) => Object.is(value, last[i]));
}
