import { inspect } from 'node:util';
import { Block } from '../block/block.js';
import type { Message } from '../message/message.js';
import { LogLevel } from '../logging/levels.js';
import { booleanOption, checkOptions, labelOption, type NumberCheck, numberOption, requiredArguments } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS, type StandardBlockOptions } from '../options/standard.js';

/** Options of {@link PID}. */
export interface PIDOptions extends StandardBlockOptions {
  /** Initial integral gain (default 0); its sign is set by `reverse`. */
  ki?: number;
  /** Initial derivative gain (default 0); its sign is set by `reverse`. */
  kd?: number;
  /** Highest output (default `Infinity`). */
  outMax?: number;
  /** Lowest output (default `-Infinity`). */
  outMin?: number;
  /** Label of the setpoint (default `'cmd'`). */
  setpointLabel?: string;
  /** Label of the measured value (default `'V'`). */
  inputLabel?: string;
  /** Label of the time of the measured value (default `'t(s)'`). */
  timeLabel?: string;
  /** Label that sets a new proportional gain during the run (default `'kp'`). */
  kpLabel?: string;
  /** Label that sets a new integral gain during the run (default `'ki'`). */
  kiLabel?: string;
  /** Label that sets a new derivative gain during the run (default `'kd'`). */
  kdLabel?: string;
  /** The time and output labels sent (default `['t(s)', 'pid']`). */
  labels?: readonly [string, string] | null;
  /** Reverse the action: every gain becomes negative (default false). */
  reverse?: boolean;
  /** Lowest and highest values of the integral term (default no limit). */
  iLimit?: readonly [number, number];
  /** Also send the three terms, as `'p_term'`, `'i_term'`, `'d_term'` (default false). */
  sendTerms?: boolean;
  /** Target loops per second, `null` for as fast as possible (default 500). */
  freq?: number | null;
}

/** A gain or a bound: any number but NaN (±Infinity for no bound). */
const ANY_NUMBER: NumberCheck = { infinite: true };

const OPTIONS = [
  'ki', 'kd', 'outMax', 'outMin', 'setpointLabel', 'inputLabel', 'timeLabel', 'kpLabel', 'kiLabel', 'kdLabel',
  'labels', 'reverse', 'iLimit', 'sendTerms', ...STANDARD_OPTIONS,
];

/**
 * A PID corrector. Each loop it reads the newest setpoint and measured
 * value, and sends the command `P + I + D` (with its time) to its outputs:
 *
 * - `P = kp·e`, with the error `e = setpoint − input`;
 * - `I` accumulates `ki·e·dt` between two measures, kept within `iLimit`;
 * - `D = −kd·(input − previous input)/dt` (0 when `dt` is 0);
 * - the command is kept within `[outMin, outMax]`.
 *
 * Until a setpoint is received, the first measured value is the setpoint.
 * The first measure gives no I and no D term. The gains can be changed
 * during the run by sending new values on their labels; whatever their sign,
 * every gain is positive, or negative with `reverse`.
 *
 * Usually fed by a Generator (the setpoint) and by the Machine or IOBlock it
 * drives (the measure), to which it sends its command.
 */
export class PID extends Block {
  /** The proportional gain in use. */
  kp: number;
  /** The integral gain in use. */
  ki: number;
  /** The derivative gain in use. */
  kd: number;
  /** Lowest output. */
  readonly outMin: number;
  /** Highest output. */
  readonly outMax: number;
  /** Lowest and highest values of the integral term. */
  readonly iLimit: readonly [number, number];
  /** Label of the setpoint. */
  readonly setpointLabel: string;
  /** Label of the measured value. */
  readonly inputLabel: string;
  /** Label of the time of the measured value. */
  readonly timeLabel: string;
  /** Label setting the proportional gain. */
  readonly kpLabel: string;
  /** Label setting the integral gain. */
  readonly kiLabel: string;
  /** Label setting the derivative gain. */
  readonly kdLabel: string;
  /** Whether the action is reversed (negative gains). */
  readonly reverse: boolean;
  /** Whether the three terms are sent too. */
  readonly sendTerms: boolean;

  #setpoint: number | null = null;
  #lastInput: number | null = null;
  #prevT: number | null = null;
  #iTerm = 0;

  /**
   * @param options the options with `kp`, as the original's keyword arguments
   * @throws TypeError without `kp`
   */
  constructor(options: PIDOptions & { kp: number });
  /**
   * @param kp the initial proportional gain; its sign is set by `reverse`
   * @throws TypeError for an option of the wrong type; RangeError for a NaN bound or gain
   */
  constructor(kp: number, options?: PIDOptions);
  constructor(...args: unknown[]) {
    super();
    const owner = this.constructor.name;
    const { values: [kp], options = {} } = requiredArguments<PIDOptions>(args, ['kp'], owner);
    const {
      ki = 0, kd = 0, outMax = Infinity, outMin = -Infinity,
      setpointLabel = 'cmd', inputLabel = 'V', timeLabel = 't(s)', kpLabel = 'kp', kiLabel = 'ki', kdLabel = 'kd',
      labels = null, reverse = false, iLimit = [-Infinity, Infinity], sendTerms = false,
    } = checkOptions(options, OPTIONS, owner);
    this.reverse = booleanOption(reverse, undefined, owner, 'reverse');
    this.kp = this.#signed(numberOption(kp, undefined, owner, 'kp', ANY_NUMBER));
    this.ki = this.#signed(numberOption(ki, undefined, owner, 'ki', ANY_NUMBER));
    this.kd = this.#signed(numberOption(kd, undefined, owner, 'kd', ANY_NUMBER));
    const bounds = [
      numberOption(outMin, undefined, owner, 'outMin', ANY_NUMBER),
      numberOption(outMax, undefined, owner, 'outMax', ANY_NUMBER),
    ];
    this.outMin = Math.min(...bounds);
    this.outMax = Math.max(...bounds);
    if (!Array.isArray(iLimit) || iLimit.length !== 2) {
      throw new TypeError(`${owner}: iLimit must be an array of two numbers [low, high], got ${inspect(iLimit)}`);
    }
    const limits = [
      numberOption(iLimit[0], undefined, owner, 'iLimit[0]', ANY_NUMBER),
      numberOption(iLimit[1], undefined, owner, 'iLimit[1]', ANY_NUMBER),
    ];
    this.iLimit = [Math.min(...limits), Math.max(...limits)];
    this.setpointLabel = labelOption(setpointLabel, undefined, owner, 'setpointLabel', true);
    this.inputLabel = labelOption(inputLabel, undefined, owner, 'inputLabel', true);
    this.timeLabel = labelOption(timeLabel, undefined, owner, 'timeLabel', true);
    this.kpLabel = labelOption(kpLabel, undefined, owner, 'kpLabel', true);
    this.kiLabel = labelOption(kiLabel, undefined, owner, 'kiLabel', true);
    this.kdLabel = labelOption(kdLabel, undefined, owner, 'kdLabel', true);
    this.sendTerms = booleanOption(sendTerms, undefined, owner, 'sendTerms');
    if (labels !== null && (!Array.isArray(labels) || labels.length !== 2 || labels.some((label) => typeof label !== 'string'))) {
      throw new TypeError(`${owner}: labels must be two labels [time, output] or null, got ${inspect(labels)}`);
    }
    this.labels = labels === null ? ['t(s)', 'pid'] : [...labels];
    if (this.sendTerms) this.labels.push('p_term', 'i_term', 'd_term');
    applyStandardOptions(this, options, 500, owner);
    this.niceness = -10;
  }

  /** The setpoint in use; `null` before the first setpoint or measure. */
  get setpoint(): number | null {
    return this.#setpoint;
  }

  /** The last measured value; `null` before the first. */
  get lastInput(): number | null {
    return this.#lastInput;
  }

  /** Time of the last measured value; `null` before the first. */
  get prevT(): number | null {
    return this.#prevT;
  }

  /** The integral term. */
  get iTerm(): number {
    return this.#iTerm;
  }

  /**
   * Checks that the PID has something to read and somewhere to send.
   * @throws Error without an input Link or without an output Link
   */
  override prepare(): void {
    if (this.inputs.length === 0) throw new Error(`${this.name}: no Link points towards the PID Block`);
    if (this.outputs.length === 0) throw new Error(`${this.name}: the PID Block has no output Link`);
  }

  /** Reads the newest data, updates the gains and setpoint, and sends the new command. */
  override loop(): void {
    const data = this.recvLastData(false);
    if (this.kpLabel in data) this.kp = this.#signed(this.#number(data, this.kpLabel));
    if (this.kiLabel in data) this.ki = this.#signed(this.#number(data, this.kiLabel));
    if (this.kdLabel in data) this.kd = this.#signed(this.#number(data, this.kdLabel));
    if (this.setpointLabel in data) {
      this.#setpoint = this.#number(data, this.setpointLabel);
      this.log(LogLevel.DEBUG, `Updated target value to ${this.#setpoint}`);
    }
    if (!(this.timeLabel in data && this.inputLabel in data)) return;
    const input = this.#number(data, this.inputLabel);
    const t = this.#number(data, this.timeLabel);
    this.log(LogLevel.DEBUG, `Updated input value to ${input} at time ${t}`);
    this.#setpoint ??= input;
    this.#lastInput ??= input;

    const error = this.#setpoint - input;
    const pTerm = this.kp * error;
    let dTerm = 0;
    if (this.#prevT !== null) {
      const dt = t - this.#prevT;
      this.#iTerm += this.ki * error * dt;
      dTerm = dt > 0 ? (-this.kd * (input - this.#lastInput)) / dt : 0;
    }
    this.#prevT = t;
    this.#lastInput = input;
    this.#iTerm = Math.min(Math.max(this.iLimit[0], this.#iTerm), this.iLimit[1]);
    const out = Math.min(this.outMax, Math.max(this.outMin, pTerm + this.#iTerm + dTerm));
    const now = this.clock.time() - this.t0;
    const values = this.sendTerms ? [now, out, pTerm, this.#iTerm, dTerm] : [now, out];
    // + 0 turns −0 (a zero error with reversed gains, a still input in D) into 0, which the original's tests compare with ==
    this.send(values.map((value) => value + 0));
  }

  /** The gain with the sign `reverse` sets: −|gain| or |gain| (0 rather than −0). */
  #signed(gain: number): number {
    return (this.reverse ? -Math.abs(gain) : Math.abs(gain)) + 0;
  }

  #number(data: Message, label: string): number {
    const value = data[label];
    if (typeof value !== 'number') throw new TypeError(`${this.name}: the value of '${label}' must be a number, got ${inspect(value)}`);
    return value;
  }
}
