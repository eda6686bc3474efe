import { LinkDataError, T0NotSetError } from '../errors.js';
import { Doorbell } from '../link/doorbell.js';
import type { Link, LinkEnd } from '../link/link.js';
import { isPlainObject, setOwn, type Message } from '../message/message.js';
import { blockLevel, LogLevel, parseLevel, type LogLevelName } from '../logging/levels.js';
import { Logger } from '../logging/logger.js';
import { checkOptions } from '../options/check-options.js';
import { applyStandardOptions, STANDARD_OPTIONS } from '../options/standard.js';
import { booleanOption, labelsOption, nicenessOption } from '../options/values.js';
import { ClassRegistry } from '../registry.js';
import { runState } from './run-state.js';
import type { ControlBlock } from '../sync/control-block.js';
import { systemClock, type Clock } from '../time/clock.js';
import type { LoopCounts } from './loop-timer.js';
import { validatePollDelay } from './poll-delay.js';

/** The settings every Block has, which a subclass may pass to `super()`. */
export interface BlockOptions {
  /** Target loops per second; `null` (the default) loops as fast as possible. */
  freq?: number | null;
  /** Priority of the Block's thread, an integer from −20 to 19 (default 0; below 0 needs `allowRoot`). */
  niceness?: number;
  /** Names of the values sent as an array by {@link Block.send} (default `null`). */
  labels?: string[] | null;
  /** Log the achieved loops/s every 2 s (default false). */
  displayFreq?: boolean;
  /** `true`: DEBUG logs; `false` (default): INFO and above; `null`: CRITICAL only. */
  debug?: boolean | null;
  /** Whether `loop()` is skipped while the run is paused (default true). */
  pausable?: boolean;
}

/** What `recvAllData()` returns: every label's values, in order. */
export type DataLists = Record<string, unknown[]>;

/** What a lifecycle method returns: nothing, or a Promise of nothing. */
export type MaybePromise = void | Promise<void>;

/**
 * The base of every Block: something that loops in its own worker thread,
 * at its own rate, reading from its input Links and writing to its outputs.
 *
 * Subclasses implement {@link Block.loop} and may override
 * {@link Block.prepare}, {@link Block.begin} and {@link Block.finish}; each
 * may be synchronous or return a Promise. They set their options as fields
 * in their constructor (`this.freq = 100`).
 */
export abstract class Block implements LinkEnd {
  /** Every Block class, by name. */
  static readonly classes = new ClassRegistry<Block>('Block');

  /** Unique name, `crappy.<ClassName>-<n>`. */
  readonly name: string;
  /** Links this Block reads from, in creation order. */
  readonly inputs: Link[] = [];
  /** Links this Block writes to, in creation order. */
  readonly outputs: Link[] = [];

  /** Target loops per second; `null` loops as fast as possible. */
  freq: number | null = null;
  /** Priority of the Block's thread (−20 to 19; below 0 needs `allowRoot`). */
  niceness = 0;
  /** Names of the values sent as an array by {@link Block.send}. */
  labels: string[] | null = null;
  /** Logs the achieved loops/s every 2 s. */
  displayFreq = false;
  /** `true`: DEBUG logs; `false`: INFO and above; `null`: CRITICAL only. */
  debug: boolean | null = false;
  /** Whether `loop()` is skipped while the run is paused. */
  pausable = true;
  /** The time source; tests may replace it. */
  clock: Clock = systemClock;

  /** @internal the loop bookkeeping its loop timer keeps */
  readonly _loopCounts: LoopCounts = { lastT: null, lastFps: null, nLoops: 0 };

  /** Time of the last loop (s since the epoch), `null` before the first (the original's `_last_t`). */
  protected get _lastT(): number | null {
    return this._loopCounts.lastT;
  }

  protected set _lastT(value: number | null) {
    this._loopCounts.lastT = value;
  }

  /** Start of the current loops/s window, `null` before the first loop (the original's `_last_fps`). */
  protected get _lastFps(): number | null {
    return this._loopCounts.lastFps;
  }

  protected set _lastFps(value: number | null) {
    this._loopCounts.lastFps = value;
  }

  /** Loops since the start of the current loops/s window (the original's `_n_loops`). */
  protected get _nLoops(): number {
    return this._loopCounts.nLoops;
  }

  protected set _nLoops(value: number) {
    this._loopCounts.nLoops = value;
  }

  private control: ControlBlock | null = null;
  private logger: Logger | null = null;
  private bell: Doorbell | null = null;
  private lastValues: Message[] | null = null;
  /** @internal what this loop did with its Links, for the idle wait of free-running Blocks */
  readonly activity = { asked: false, got: false, sent: false };
  /** @internal set by the runtime while `finish()` runs: a timed receive then waits its whole delay */
  finishing = false;

  /**
   * @param options the Block's settings, as an alternative to setting the
   *   fields in the subclass's constructor (`super({ freq: 100 })`)
   * @throws TypeError / RangeError naming a wrong option
   */
  constructor(options?: BlockOptions) {
    const cls = new.target;
    if (typeof (this as { loop?: unknown }).loop !== 'function') {
      throw new TypeError(`Cannot create ${cls.name}: a Block must implement loop()`);
    }
    applyBlockOptions(this, options, cls.name);
    Block.classes.register(cls);
    let index = 1;
    while (runState.names.includes(`crappy.${cls.name}-${index}`)) index += 1;
    this.name = `crappy.${cls.name}-${index}`;
    runState.names.push(this.name);
    runState.instances.push(this);
  }

  /** Called once in the Block's thread before the start barrier: open hardware, check Links. */
  prepare(): MaybePromise {}

  /** Called once right after the start, before the first loop. */
  begin(): MaybePromise {}

  /** Called repeatedly until the run stops, at most {@link Block.freq} times per second. */
  abstract loop(): MaybePromise;

  /** Called once at the end, always, even after an error: close hardware. */
  finish(): MaybePromise {}

  /**
   * Whether this Block is useful with no Link at all (a StopButton): the run
   * then does not warn that it has none. False by default.
   */
  get runsWithoutLinks(): boolean {
    return false;
  }

  /**
   * What the main thread's copy of this Block learns from the run, taken in
   * the Block's worker once `finish()` has run (e.g. the file a Recorder
   * wrote): `undefined` (the default) for nothing, else a value that
   * `postMessage` can copy. The main thread passes it to {@link Block.adoptRunReport}
   * before `start()` returns.
   */
  runReport(): unknown {
    return undefined;
  }

  /** Takes in, in the main thread, what {@link Block.runReport} returned in the Block's worker. */
  adoptRunReport(_report: unknown): void {}

  /**
   * The run's start time, in seconds since the epoch: timestamps are
   * `this.clock.time() - this.t0`.
   * @throws T0NotSetError before the run started
   */
  get t0(): number {
    const t0 = this.control?.t0.value;
    if (t0 === undefined || !(t0 > 0)) throw new T0NotSetError(`${this.name}: t0 is not set yet, the run has not started`);
    return t0;
  }

  /** Whether the run is stopping (or no run is attached). */
  get stopping(): boolean {
    return this.control === null || this.control.stop.isSet();
  }

  /** @internal wakes this Block when it sleeps waiting for input */
  get doorbell(): Doorbell {
    this.bell ??= Doorbell.create();
    return this.bell;
  }

  /** @internal the run's control block, once attached */
  get controlBlock(): ControlBlock | null {
    return this.control;
  }

  /**
   * Joins this Block to a run: its control block, its doorbell and its
   * logging. Done by the runtime in the Block's thread (and in the main
   * thread, so that `t0` can be read after the run).
   * @internal
   */
  attachRun(control: ControlBlock, doorbell?: Doorbell): void {
    this.control = control;
    if (doorbell) this.attachDoorbell(doorbell);
    const sink = runState.logSink;
    const globalLevel = runState.logLevel;
    if (sink === null || globalLevel === null) {
      this.logger = null;
      return;
    }
    this.logger = new Logger(this.name, Math.max(blockLevel(this.debug), globalLevel), sink);
  }

  /**
   * Uses `doorbell` (shared with the senders' threads) to be woken.
   * @internal
   */
  attachDoorbell(doorbell: Doorbell): void {
    this.bell = doorbell;
  }

  /**
   * Sends data to every output Link.
   * @param data a message `{label: value}`, or an array of values named by
   *   {@link Block.labels}; `null`/`undefined` sends nothing
   * @throws LinkDataError for an array when the Block has no labels
   */
  send(data: Message | readonly unknown[] | null | undefined): void {
    if (data === null || data === undefined) return;
    let message: Message;
    if (isPlainObject(data)) {
      message = data as Message;
    } else {
      if (this.labels === null || this.labels.length === 0) {
        throw new LinkDataError(
          `${this.name}: send() got ${Array.isArray(data) ? 'an array' : `a ${typeof data}`} but the Block has no labels; send an object {label: value} or set labels`,
        );
      }
      if (typeof (data as Iterable<unknown>)[Symbol.iterator] !== 'function') {
        throw new TypeError(`${this.name}: send() expects an object or an array of values, got a ${typeof data}`);
      }
      message = {};
      const values = [...(data as Iterable<unknown>)];
      const n = Math.min(values.length, this.labels.length);
      for (let i = 0; i < n; i++) message[this.labels[i]!] = values[i] as Message[string];
    }
    for (const link of this.outputs) link.send(message);
    this.activity.sent = true;
  }

  /** Whether any input Link holds a message. */
  dataAvailable(): boolean {
    this.activity.asked = true;
    for (const link of this.inputs) {
      if (link.poll()) {
        this.activity.got = true;
        return true;
      }
    }
    return false;
  }

  /**
   * Takes the oldest message of each input Link and merges them in Link
   * order (a later Link overwrites a label of an earlier one).
   * @returns `{}` when nothing is waiting
   */
  recvData(): Message {
    const result: Message = {};
    for (const link of this.inputs) mergeInto(result, link.recv());
    this.noteReceived(result);
    return result;
  }

  /**
   * Takes every waiting message and keeps the newest of each input Link,
   * merged in Link order.
   * @param fillMissing also give the last known value of labels that brought nothing new
   */
  recvLastData(fillMissing = true): Message {
    this.lastValues ??= [];
    const result: Message = {};
    this.inputs.forEach((link, i) => {
      const fresh = link.recvLast();
      const known = (this.lastValues![i] ??= {});
      mergeInto(known, fresh);
      if (!fillMissing) mergeInto(result, fresh);
    });
    if (fillMissing) for (const known of this.lastValues) mergeInto(result, known);
    this.noteReceived(result);
    return result;
  }

  /**
   * Takes every waiting message of every input Link, as `{label: [values]}`
   * (Links in order, then messages in order).
   * With `delay` (seconds), keeps collecting for that long (in `loop()`, only
   * until the run stops), checking every `pollDelay` seconds (default `delay / 10`), then
   * collects once more; the result is then a Promise.
   * @throws RangeError for a `pollDelay` ≤ 0 or ≥ 0.9 × `delay`
   */
  recvAllData(delay?: null, pollDelay?: number | null): DataLists;
  recvAllData(delay: number, pollDelay?: number | null): Promise<DataLists>;
  recvAllData(delay?: number | null, pollDelay?: number | null): DataLists | Promise<DataLists> {
    validatePollDelay(delay, pollDelay);
    // Links in order, then messages in order.
    const collect = (into: DataLists): void => {
      for (const link of this.inputs) appendLists(into, link.recvChunk());
    };
    if (delay === undefined || delay === null) {
      const result: DataLists = {};
      collect(result);
      this.noteReceived(result);
      return result;
    }
    return this.collectFor(delay, pollDelay, {}, collect);
  }

  /**
   * Like {@link Block.recvAllData} but keeps each input Link apart: one
   * `{label: [values]}` per Link, in Link order (`[]` without inputs).
   */
  recvAllDataRaw(delay?: null, pollDelay?: number | null): DataLists[];
  recvAllDataRaw(delay: number, pollDelay?: number | null): Promise<DataLists[]>;
  recvAllDataRaw(delay?: number | null, pollDelay?: number | null): DataLists[] | Promise<DataLists[]> {
    validatePollDelay(delay, pollDelay);
    if (delay === undefined || delay === null) {
      const result = this.inputs.map((link) => link.recvChunk());
      this.noteReceived(result.some((lists) => Object.keys(lists).length > 0));
      return result;
    }
    const collect = (into: DataLists[]): void => {
      this.inputs.forEach((link, i) => appendLists(into[i]!, link.recvChunk()));
    };
    return this.collectFor(delay, pollDelay, this.inputs.map(() => ({})), collect);
  }

  /** Asks every Block of the run to stop (no effect outside a run). */
  stop(): void {
    if (this.control === null) return;
    if (!this.control.stop.isSet()) this.log(LogLevel.WARNING, 'Stop requested by this Block');
    this.control.stop.set();
  }

  /**
   * Logs a message under this Block's name, through the main thread.
   * Does nothing outside a run.
   */
  log(level: LogLevel | LogLevelName | number, message: string): void {
    if (this.logger === null) return;
    this.logger.log(typeof level === 'number' ? level : parseLevel(level, 'log level'), message);
  }

  private async collectFor<T extends object>(delay: number, pollDelay: number | null | undefined, into: T, collect: (into: T) => void): Promise<T> {
    if (delay > 0) {
      const step = pollDelay ?? delay / 10;
      const deadline = this.clock.time() + delay;
      // The stop ends the wait early in loop(), not in finish(), where stop is always set and a
      // Block may wait for what the others send in their own finish().
      while (this.clock.time() < deadline && (this.finishing || this.control?.stop.isSet() !== true)) {
        collect(into);
        await this.clock.sleep(Math.max(0, Math.min(step, deadline - this.clock.time())));
      }
    }
    collect(into);
    this.noteReceived(Array.isArray(into) ? into.some((lists) => Object.keys(lists).length > 0) : into);
    return into;
  }

  private noteReceived(result: object | boolean): void {
    this.activity.asked = true;
    if (typeof result === 'boolean' ? result : Object.keys(result).length > 0) this.activity.got = true;
  }
}

/** Copies every label of `from` into `into` (a later value wins), keeping a `'__proto__'` label as an own property. */
function mergeInto(into: Message, from: Message): void {
  for (const key in from) setOwn(into, key, from[key]);
}

/** Appends each list of `chunk` to the list of the same label in `into`. */
function appendLists(into: DataLists, chunk: DataLists): void {
  for (const label in chunk) {
    const values = chunk[label]!;
    const list = into[label];
    if (list === undefined) setOwn(into, label, values);
    else for (let i = 0; i < values.length; i++) list.push(values[i]);
  }
}

/** Checks the options given to the Block constructor and sets them on `block`. */
function applyBlockOptions(block: Block, options: BlockOptions | undefined, owner: string): void {
  const given = checkOptions(options, [...STANDARD_OPTIONS, 'niceness', 'labels', 'pausable'], owner);
  applyStandardOptions(block, given, null, owner);
  block.niceness = nicenessOption(given.niceness, owner);
  block.labels = labelsOption(given.labels, owner, 'labels');
  block.pausable = booleanOption(given.pausable, true, owner, 'pausable');
}
