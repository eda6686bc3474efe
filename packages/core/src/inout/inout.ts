import { LogLevel, parseLevel, type LogLevelName } from '../logging/levels.js';
import { show } from '../options/index.js';
import { ClassRegistry } from '../registry.js';
import { andThen, runSteps, wait, type Steps } from '../util/maybe-async.js';
import { monotonic, systemClock, type Clock } from '../time/clock.js';
import type { Awaitable, InOutData, InOutStream, Offsets } from './data.js';
import { offsetData, offsetStream, ZeroAccumulator } from './offsets.js';

/** Where an InOut's or an Actuator's log messages go: `(level, message)`. */
export type LogFn = (level: number, message: string) => void;

/**
 * The base of every InOut: a driver for a device that acquires data (a DAQ
 * board, a load cell amplifier), sets outputs (an analog output, a relay),
 * or both. An {@link @crappy/core!blocks.IOBlock | IOBlock} drives one InOut in its own thread.
 *
 * Override what the device can do; each method may be synchronous or return
 * a Promise:
 * - {@link InOut.open} and {@link InOut.close} connect to and release the
 *   device (the constructor only stores and checks options, because it runs
 *   in every thread of a run);
 * - {@link InOut.getData} returns one reading, `[t, v1, v2...]` or
 *   `{'t(s)': t, label: v...}`, with `t` in seconds since the epoch
 *   (`this.clock.time()`);
 * - {@link InOut.setCmd} receives the values of the IOBlock's `cmdLabels`;
 * - {@link InOut.startStream}, {@link InOut.getStream} and
 *   {@link InOut.stopStream} for devices that acquire in bursts.
 *
 * A class is found by name (`new IOBlock('MyInOut')`) once registered with
 * `InOut.classes.register(MyInOut)` or instantiated once; passing the class
 * itself (`new IOBlock(MyInOut)`) always works.
 */
export abstract class InOut {
  /** Every InOut class, by name. */
  static readonly classes = new ClassRegistry<InOut>('InOut');

  /** The time source of {@link InOut.makeZero} and of the readings' timestamps; the IOBlock gives it its own. */
  clock: Clock = systemClock;
  /** Where {@link InOut.log} sends messages; the IOBlock connects it to its own log. */
  logTo: LogFn | null = null;

  private zeroOffsets: Offsets | null = null;

  constructor() {
    InOut.classes.register(new.target);
  }

  /** The offsets found by {@link InOut.makeZero}, `null` before or when zeroing failed. */
  get offsets(): Offsets | null {
    return this.zeroOffsets;
  }

  /**
   * Logs a message under the owning Block's name (nothing when not driven by a Block).
   * @param level a {@link LogLevel} number or a level name (`'info'`...), as `Block.log()` takes
   * @throws RangeError for an unknown level name
   */
  log(level: LogLevel | LogLevelName | number, message: string): void {
    const value = parseLevel(level, 'InOut.log(): level');
    this.logTo?.(value, `${this.constructor.name}: ${message}`);
  }

  /** Connects to the device. Called once, in the IOBlock's thread, before the run starts. */
  open(): Awaitable<void> {}

  /**
   * Acquires one reading. The default logs a warning, waits 1 s and returns
   * `null`: override it in an InOut that reads.
   * @returns `[t, values...]` or `{'t(s)': t, label: value...}` (`t` in seconds
   *   since the epoch), or `null` when there is nothing to read
   */
  getData(): Awaitable<InOutData | null> {
    return this.undefinedMethod(
      'getData() was called but is not defined: define it, or remove the output Links and the makeZeroDelay of the IOBlock',
    );
  }

  /**
   * Sets a command. The default logs a warning and waits 1 s: override it
   * in an InOut that writes.
   * @param cmd the values received on the IOBlock's `cmdLabels`, in their order
   */
  setCmd(...cmd: unknown[]): Awaitable<void> {
    return andThen(this.undefinedMethod(`setCmd() was called but is not defined: the command ${show(cmd)} is discarded`), () => {});
  }

  /** Starts acquiring a stream. The default logs a warning. */
  startStream(): Awaitable<void> {
    this.log(LogLevel.WARNING, 'startStream() was called but is not defined');
  }

  /**
   * Acquires one chunk of a stream. The default logs a warning, waits 1 s
   * and returns `null`: override it in an InOut that streams.
   * @returns `[times, rows]` or `{'t(s)': times, label: rows}` (times in
   *   seconds since the epoch, rows of one value per channel), or `null`
   */
  getStream(): Awaitable<InOutStream | null> {
    return this.undefinedMethod('getStream() was called but is not defined: nothing is sent to the output Links');
  }

  /** Stops acquiring a stream. The default logs a warning. */
  stopStream(): Awaitable<void> {
    this.log(LogLevel.WARNING, 'stopStream() was called but is not defined');
  }

  /** Releases the device. Called once at the end, even after an error. */
  close(): Awaitable<void> {}

  /**
   * Reads the device for `delay` seconds, as fast as {@link InOut.getData}
   * allows, and keeps minus the mean of each value as its offset, so that
   * {@link InOut.returnData} and {@link InOut.returnStream} start at zero.
   * Readings that are arrays give one offset per value after the time;
   * objects one per label but `'t(s)'`. Without any reading, or with values
   * that are not numbers, it logs a warning and leaves the readings as they
   * are.
   *
   * The time is that of {@link InOut.clock}; the reading also ends after
   * `delay` seconds of real time, for a test's clock that does not move.
   * @returns a Promise only when `getData()` returns one
   */
  makeZero(delay: number): Awaitable<void> {
    return runSteps(this.zeroSteps(delay));
  }

  private *zeroSteps(delay: number): Steps<void> {
    const sums = new ZeroAccumulator();
    const start = this.clock.time();
    const realStart = monotonic();
    while (this.clock.time() - start < delay && monotonic() - realStart < delay) {
      sums.add(yield* wait(this.getData()));
    }
    const result = sums.result();
    if ('warning' in result) {
      this.zeroOffsets = null;
      this.log(LogLevel.WARNING, result.warning);
    } else {
      this.zeroOffsets = result.offsets;
    }
  }

  /**
   * One reading of {@link InOut.getData} with the offsets of
   * {@link InOut.makeZero} added.
   * @returns `null` when `getData()` returned null; an array reading is
   *   copied; a Promise only when `getData()` returns one
   * @throws RangeError for an object without `'t(s)'`, a label without
   *   offset, or an array whose length does not match the offsets
   */
  returnData(): Awaitable<InOutData | null> {
    return andThen(this.getData(), (data) => (data === null || data === undefined ? null : offsetData(data, this.zeroOffsets)));
  }

  /**
   * One chunk of {@link InOut.getStream} with the offsets of
   * {@link InOut.makeZero} added to every channel.
   * @returns `null` when `getStream()` returned null; a Promise only when
   *   `getStream()` returns one
   * @throws RangeError for an object without `'t(s)'`, or rows whose width
   *   does not match the number of offsets
   */
  returnStream(): Awaitable<InOutStream | null> {
    return andThen(this.getStream(), (stream) => (stream === null || stream === undefined ? null : offsetStream(stream, this.zeroOffsets)));
  }

  /** What a method that the class does not define does: warn, then wait 1 s so as not to flood the log. */
  private undefinedMethod(warning: string): Awaitable<null> {
    this.log(LogLevel.WARNING, warning);
    return andThen(this.clock.sleep(1), () => null);
  }
}

/** A concrete InOut class, as given to an {@link blocks.IOBlock | IOBlock}. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InOutClass = new (options?: any) => InOut;
