import { Actuator, LogLevel } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { SerialConnection } from '../serial/serial-connection.js';
import { stringOption, toMs } from './driver-options.js';

/** Highest speed (mm/s), lowest and highest positions (mm) of the stage. */
const MAX_SPEED = 0.2;
const MIN_POSITION = 0;
const MAX_POSITION = 6;

/** Options of {@link NewportTRA6PPD}. */
export interface NewportTRA6PPDOptions {
  /** Baud rate (default 57600). */
  baudrate?: number;
  /** Serial port (default `'/dev/ttyUSB0'`). */
  port?: string;
  /** Seconds to wait after the reset (`1RS`) before homing (default 5, the original's). */
  resetDelay?: number;
  /** Seconds to wait for the homing (`1OR`) to end (default 50, the original's). */
  homingDelay?: number;
  /** Seconds to wait for a position answer (default 1). */
  timeout?: number;
}

/**
 * Newport TRA6PPD motorized linear stage (6 mm, 0.2 mm/s), in position,
 * through its SMC100 controller over serial (the original's
 * crappy/actuator/newport_tra6ppd.py). At open it resets (`1RS`) and homes
 * (`1OR`) the stage, waiting as the original does. `setPosition(p, v)`:
 * `1VA v` (v clamped to [0, 0.2], 0.2 when none) then `1PA p`, five
 * decimals; a position out of [0, 6] mm is ignored with a warning.
 * `getPosition()`: `1TP?`. `stop()`: `ST` then `1MMO`. Keep the Machine at a
 * few tens of Hz: the controller cannot take more.
 */
export class NewportTRA6PPD extends Actuator {
  static {
    Actuator.classes.register(this);
  }

  private readonly path: string;
  private readonly baudrate: number;
  private readonly resetDelayMs: number;
  private readonly homingDelayMs: number;
  private readonly timeoutMs: number;
  private port: SerialConnection | null = null;

  constructor(options: NewportTRA6PPDOptions = {}) {
    super();
    const owner = 'NewportTRA6PPD';
    checkOptions(options, ['baudrate', 'port', 'resetDelay', 'homingDelay', 'timeout'], owner);
    this.baudrate = numberOption(options.baudrate, 57600, owner, 'baudrate', { min: 1, integer: true });
    this.path = stringOption(options.port, '/dev/ttyUSB0', owner, 'port');
    this.resetDelayMs = toMs(numberOption(options.resetDelay, 5, owner, 'resetDelay', { min: 0 }));
    this.homingDelayMs = toMs(numberOption(options.homingDelay, 50, owner, 'homingDelay', { min: 0 }));
    this.timeoutMs = toMs(numberOption(options.timeout, 1, owner, 'timeout', { min: 0, exclusive: true }));
  }

  /** Opens the port, resets and homes the stage. */
  override async open(): Promise<void> {
    this.port = await SerialConnection.open('NewportTRA6PPD', { path: this.path, baudRate: this.baudrate });
    await this.port.write('1RS\r\n');
    await new Promise((resolve) => setTimeout(resolve, this.resetDelayMs));
    await this.port.write('1OR\r\n');
    this.log(LogLevel.INFO, `homing, waiting ${this.homingDelayMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, this.homingDelayMs));
  }

  /** Moves to `position` mm at `speed` mm/s. */
  override async setPosition(position: number, speed: number | null): Promise<void> {
    const clamped = Math.max(Math.min(MAX_SPEED, speed ?? MAX_SPEED), 0);
    await this.port!.write(`1VA${clamped.toFixed(5)}\r\n`);
    if (!(position >= MIN_POSITION && position <= MAX_POSITION)) {
      this.log(LogLevel.WARNING, `the position ${position} is out of [${MIN_POSITION}, ${MAX_POSITION}] mm: ignored`);
      return;
    }
    await this.port!.write(`1PA${position.toFixed(5)}\r\n`);
  }

  /** The stage's position, mm. */
  override async getPosition(): Promise<number> {
    const answer = await this.port!.query('1TP?\r\n', '\n', this.timeoutMs);
    const match = /\d\.\d+/.exec(answer);
    if (match === null) throw new Error(`NewportTRA6PPD on ${this.path}: 1TP? answered ${JSON.stringify(answer)}, not a position`);
    return Number(match[0]);
  }

  /** Stops the motion and disables the controller (`ST`, `1MMO`). */
  override async stop(): Promise<void> {
    await this.port?.write('ST\r\n');
    await this.port?.write('1MMO\r\n');
  }

  /** Closes the port. */
  override async close(): Promise<void> {
    await this.port?.close();
    this.port = null;
  }
}
