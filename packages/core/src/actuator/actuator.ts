import { andThen } from '../util/maybe-async.js';
import type { Awaitable } from '../inout/data.js';
import type { LogFn } from '../inout/inout.js';
import { LogLevel, parseLevel, type LogLevelName } from '../logging/levels.js';
import { ClassRegistry } from '../registry.js';
import { systemClock, type Clock } from '../time/clock.js';

/**
 * The base of every Actuator: a driver for a motor or any device driven in
 * speed or in position. A {@link @crappy/core!blocks.Machine | Machine} Block drives one or several
 * Actuators in its own thread.
 *
 * Override what the device can do; each method may be synchronous or return
 * a Promise:
 * - {@link Actuator.open} and {@link Actuator.close} connect to and release
 *   the device (the constructor only stores and checks options, because it
 *   runs in every thread of a run);
 * - {@link Actuator.setSpeed} for the `'speed'` mode,
 *   {@link Actuator.setPosition} for the `'position'` mode;
 * - {@link Actuator.getSpeed} and {@link Actuator.getPosition} when the
 *   Machine is given a `speedLabel` or a `positionLabel`;
 * - {@link Actuator.stop} when stopping needs more than a zero speed.
 *
 * A class is found by name (`{ type: 'MyMotor' }`) once registered with
 * `Actuator.classes.register(MyMotor)` or instantiated once; giving the
 * class itself (`{ type: MyMotor }`) always works.
 */
export abstract class Actuator {
  /** Every Actuator class, by name. */
  static readonly classes = new ClassRegistry<Actuator>('Actuator');

  /** The time source of simulated Actuators; the Machine gives it its own. */
  clock: Clock = systemClock;
  /** Where {@link Actuator.log} sends messages; the Machine connects it to its own log. */
  logTo: LogFn | null = null;

  constructor() {
    Actuator.classes.register(new.target);
  }

  /**
   * Logs a message under the owning Block's name (nothing when not driven by a Block).
   * @param level a {@link LogLevel} number or a level name (`'info'`...), as `Block.log()` takes
   * @throws RangeError for an unknown level name
   */
  log(level: LogLevel | LogLevelName | number, message: string): void {
    const value = parseLevel(level, 'Actuator.log(): level');
    this.logTo?.(value, `${this.constructor.name}: ${message}`);
  }

  /** Connects to the device. Called once, in the Machine's thread, before the run starts. */
  open(): Awaitable<void> {}

  /**
   * Sets the speed to reach. The default logs a warning and waits 1 s:
   * override it in an Actuator driven in speed.
   * @param speed the value received on the Machine's `cmdLabel`
   */
  setSpeed(speed: number): Awaitable<void> {
    return andThen(this.undefinedMethod(`setSpeed() was called but is not defined: the speed ${speed} is not set`), () => {});
  }

  /**
   * Sets the position to reach. The default logs a warning and waits 1 s:
   * override it in an Actuator driven in position.
   * @param position the value received on the Machine's `cmdLabel`
   * @param speed the speed to move at: the last value received on the
   *   `speedCmdLabel`, else the `speed` setting, else `null`; always handle `null`
   */
  setPosition(position: number, speed: number | null): Awaitable<void> {
    return andThen(
      this.undefinedMethod(`setPosition() was called but is not defined: the position ${position} (speed ${String(speed)}) is not set`),
      () => {},
    );
  }

  /**
   * The current speed, sent on the Machine's `speedLabel`. The default logs a
   * warning, waits 1 s and returns `null`.
   * @returns the speed, or `null` when it could not be read (nothing is sent)
   */
  getSpeed(): Awaitable<number | null> {
    return this.undefinedMethod('getSpeed() was called but is not defined: define it, or do not set a speedLabel');
  }

  /**
   * The current position, sent on the Machine's `positionLabel`. The default
   * logs a warning, waits 1 s and returns `null`.
   * @returns the position, or `null` when it could not be read (nothing is sent)
   */
  getPosition(): Awaitable<number | null> {
    return this.undefinedMethod('getPosition() was called but is not defined: define it, or do not set a positionLabel');
  }

  /**
   * Makes sure the device cannot move any more: called once at the end of
   * the run, before {@link Actuator.close}. The default sets a zero speed.
   */
  stop(): Awaitable<void> {
    return this.setSpeed(0);
  }

  /** Releases the device. Called once at the end, even after an error. */
  close(): Awaitable<void> {}

  /** What a method that the class does not define does: warn, then wait 1 s so as not to flood the log. */
  private undefinedMethod(warning: string): Awaitable<null> {
    this.log(LogLevel.WARNING, warning);
    return andThen(this.clock.sleep(1), () => null);
  }
}

/** A concrete Actuator class, as given in a {@link blocks.Machine | Machine}'s `type`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActuatorClass = new (options?: any) => Actuator;
