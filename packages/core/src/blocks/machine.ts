import { Actuator, type ActuatorClass } from '../actuator/actuator.js';
import { Block, type MaybePromise } from '../block/block.js';
import type { Message } from '../message/message.js';
import { LogLevel } from '../logging/levels.js';
import { booleanOption, checkOptions, labelOption, objectOption, requiredArguments, show, splitOptions } from '../options/index.js';
import { applyStandardOptions } from '../options/standard.js';
import { runSteps, wait, type Steps } from '../util/maybe-async.js';

/**
 * How a {@link Machine} drives one Actuator. Every other key is an option of
 * the Actuator, passed to its constructor.
 */
export interface ActuatorSettings {
  /** The Actuator: its class, or its class name (`'FakeDCMotor'`). */
  type: string | ActuatorClass;
  /** `'speed'` (default) calls `setSpeed(cmd)`; `'position'` calls `setPosition(cmd, speed)`. */
  mode?: 'speed' | 'position';
  /** Label of the command (default `'cmd'`). */
  cmdLabel?: string;
  /** In `'position'` mode, the speed given to `setPosition()` until one arrives on `speedCmdLabel` (default `null`). */
  speed?: number | null;
  /** Send `getPosition()` on this label. */
  positionLabel?: string | null;
  /** Send `getSpeed()` on this label. */
  speedLabel?: string | null;
  /** In `'position'` mode, a label whose values replace `speed`. */
  speedCmdLabel?: string | null;
  /** Options of the Actuator. */
  [option: string]: unknown;
}

/** Options of {@link Machine}. */
export interface MachineOptions {
  /** Settings and Actuator options shared by every Actuator; they win over each Actuator's own. */
  common?: Record<string, unknown>;
  /** Label of the time sent with positions and speeds (default `'t(s)'`). */
  timeLabel?: string;
  /** Set the last received commands in every loop, even when nothing new arrived (default false). */
  spam?: boolean;
  /** Loops per second (default 200); `null` loops as fast as possible. */
  freq?: number | null;
  /** Log the achieved loops/s every 2 s (default false). */
  displayFreq?: boolean;
  /** `true`: DEBUG logs; `false` (default): INFO and above; `null`: none. */
  debug?: boolean | null;
}

const OWN_OPTIONS = ['common', 'timeLabel', 'spam', 'freq', 'displayFreq', 'debug'];
const SETTINGS = ['type', 'mode', 'cmdLabel', 'speed', 'positionLabel', 'speedLabel', 'speedCmdLabel'];

/** One driven Actuator and how it is driven. */
interface Driven {
  actuator: Actuator;
  mode: 'speed' | 'position';
  cmdLabel: string;
  speed: number | null;
  positionLabel: string | null;
  speedLabel: string | null;
  speedCmdLabel: string | null;
}

/**
 * Drives one or several {@link Actuator}s together (drive unrelated
 * Actuators from separate Machines instead).
 *
 * Each loop, for each Actuator: when a value arrived on its `speedCmdLabel`
 * it becomes its `speed`; when one arrived on its `cmdLabel`, the Machine
 * calls `setSpeed(value)` (`'speed'` mode) or `setPosition(value, speed)`
 * (`'position'` mode). With `spam`, the last values received are set again in
 * every loop. Then it reads `getPosition()` / `getSpeed()` of the Actuators
 * that have a `positionLabel` / `speedLabel` and sends them, with the time
 * since `t0` on `timeLabel`.
 *
 * `prepare()` opens every Actuator; `finish()` calls `stop()` on each, then
 * `close()` on each.
 *
 * @example
 * ```ts
 * const machine = new crappy.blocks.Machine(
 *   [{ type: 'FakeStepperMotor', mode: 'position', cmdLabel: 'target(mm)', positionLabel: 'x(mm)' }]);
 * ```
 */
export class Machine extends Block {
  /** The Actuators, in the order of the settings, created by the constructor (which opens nothing). */
  readonly actuators: readonly Actuator[];

  private readonly driven: Driven[];
  private readonly timeLabel: string;
  private readonly spam: boolean;
  private opened = false;

  /**
   * @param options the options with `actuators`, as the original's keyword arguments
   * @throws TypeError without `actuators`
   */
  constructor(options: MachineOptions & { actuators: readonly ActuatorSettings[] });
  /**
   * @param actuators how to drive each Actuator, with its options
   * @param options the Block's options
   * @throws RangeError for a missing or unknown Actuator type, an unknown mode, or an empty list
   * @throws TypeError for a setting or an option of the wrong type (each Actuator checks its own options)
   */
  constructor(actuators: readonly ActuatorSettings[], options?: MachineOptions);
  constructor(...args: unknown[]) {
    super();
    const { values: [actuators], options } = requiredArguments<MachineOptions>(args, ['actuators'], 'Machine');
    const own = checkOptions(options, OWN_OPTIONS, 'Machine');
    applyStandardOptions(this, own, 200, 'Machine');
    this.timeLabel = labelOption(own.timeLabel, 't(s)', 'Machine', 'timeLabel');
    this.spam = booleanOption(own.spam, false, 'Machine', 'spam');
    const common = own.common === undefined ? {} : objectOption(own.common, 'Machine', 'common');
    if (!Array.isArray(actuators) || actuators.length === 0) {
      throw new RangeError(`Machine: actuators must be a non-empty array of settings, got ${show(actuators)}`);
    }
    this.driven = actuators.map((settings, i) => driven({ ...objectOption(settings, 'Machine', `actuators[${i}]`), ...common }, i));
    this.actuators = this.driven.map((d) => d.actuator);
  }

  /**
   * Checks the Links (at once), then opens every Actuator, in order.
   * @returns a Promise only when an Actuator's `open()` returns one
   * @throws Error when the Block has no Link
   */
  override prepare(): MaybePromise {
    if (this.inputs.length === 0 && this.outputs.length === 0) {
      throw new Error(`${this.name}: the Machine has no Link; link it to the Block sending its commands, or to a Block reading its positions`);
    }
    return runSteps(this.openSteps());
  }

  /**
   * Sets the received commands, then sends the positions and speeds read.
   * @returns a Promise only when an Actuator's method returns one
   */
  override loop(): MaybePromise {
    return runSteps(this.loopSteps());
  }

  /**
   * Stops every Actuator, then closes every Actuator (if `prepare()` got to open them).
   * @returns a Promise only when an Actuator's method returns one
   */
  override finish(): MaybePromise {
    if (!this.opened) return;
    return runSteps(this.closeSteps());
  }

  private *openSteps(): Steps<void> {
    this.opened = true;
    for (const { actuator } of this.driven) {
      actuator.clock = this.clock;
      actuator.logTo = (level, message) => this.log(level, message);
      this.log(LogLevel.INFO, `Opening the ${actuator.constructor.name} Actuator`);
      yield* wait(actuator.open());
    }
  }

  private *loopSteps(): Steps<void> {
    const received = this.recvLastData(this.spam);
    if (Object.keys(received).length > 0) {
      for (const d of this.driven) {
        if (d.speedCmdLabel !== null && d.speedCmdLabel in received) {
          d.speed = received[d.speedCmdLabel] as number;
        }
        if (!(d.cmdLabel in received)) continue;
        const cmd = received[d.cmdLabel] as number;
        if (d.mode === 'speed') {
          this.log(LogLevel.DEBUG, `Setting the speed of the ${d.actuator.constructor.name} Actuator to ${show(cmd)}`);
          yield* wait(d.actuator.setSpeed(cmd));
        } else {
          this.log(LogLevel.DEBUG, `Setting the position of the ${d.actuator.constructor.name} Actuator to ${show(cmd)} at speed ${show(d.speed)}`);
          yield* wait(d.actuator.setPosition(cmd, d.speed));
        }
      }
    }
    const message: Message = {};
    for (const d of this.driven) {
      if (d.positionLabel !== null) {
        const position = yield* wait(d.actuator.getPosition());
        if (position !== null && position !== undefined) message[d.positionLabel] = position;
      }
      if (d.speedLabel !== null) {
        const speed = yield* wait(d.actuator.getSpeed());
        if (speed !== null && speed !== undefined) message[d.speedLabel] = speed;
      }
    }
    if (Object.keys(message).length > 0) {
      message[this.timeLabel] = this.clock.time() - this.t0;
      this.send(message);
    }
  }

  private *closeSteps(): Steps<void> {
    for (const { actuator } of this.driven) {
      this.log(LogLevel.INFO, `Stopping the ${actuator.constructor.name} Actuator`);
      yield* wait(actuator.stop());
    }
    for (const { actuator } of this.driven) {
      this.log(LogLevel.INFO, `Closing the ${actuator.constructor.name} Actuator`);
      yield* wait(actuator.close());
    }
  }
}

/** Checks the settings of the `index`-th Actuator and creates it. */
function driven(all: Record<string, unknown>, index: number): Driven {
  const owner = `Machine: actuators[${index}]`;
  const [settings, actuatorOptions] = splitOptions(all, SETTINGS, owner);
  const cls = resolveActuator(settings.type, owner);
  const mode = settings.mode ?? 'speed';
  if (mode !== 'speed' && mode !== 'position') {
    throw new RangeError(`${owner}: mode must be 'speed' or 'position', got ${show(mode)}`);
  }
  const speed = settings.speed ?? null;
  if (speed !== null && (typeof speed !== 'number' || Number.isNaN(speed))) {
    throw new TypeError(`${owner}: speed must be a number or null, got ${show(speed)}`);
  }
  return {
    actuator: new cls(actuatorOptions),
    mode,
    cmdLabel: labelOption(settings.cmdLabel, 'cmd', owner, 'cmdLabel'),
    speed,
    positionLabel: labelOption(settings.positionLabel, null, owner, 'positionLabel'),
    speedLabel: labelOption(settings.speedLabel, null, owner, 'speedLabel'),
    speedCmdLabel: labelOption(settings.speedCmdLabel, null, owner, 'speedCmdLabel'),
  };
}

/** The Actuator class named or given. */
function resolveActuator(type: unknown, owner: string): ActuatorClass {
  if (type === undefined) throw new RangeError(`${owner}: the 'type' setting is required (an Actuator class or class name)`);
  if (typeof type === 'function') {
    if (!(type.prototype instanceof Actuator)) throw new TypeError(`${owner}: the class ${type.name} does not extend Actuator`);
    return type as ActuatorClass;
  }
  if (typeof type !== 'string') {
    throw new TypeError(`${owner}: type must be an Actuator class or class name, got ${show(type)}`);
  }
  const cls = Actuator.classes.get(type);
  if (cls === undefined) {
    const known = Actuator.classes.names().sort().join(', ');
    throw new RangeError(
      `${owner}: unknown Actuator type '${type}' (known: ${known}). For a class of your own, give the class itself, { type: ${type} }, or register it first with Actuator.classes.register(${type})`,
    );
  }
  return cls as unknown as ActuatorClass;
}
