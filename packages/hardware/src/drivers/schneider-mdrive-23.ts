import { Actuator } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { SerialConnection } from '../serial/serial-connection.js';
import { stringOption, toMs } from './driver-options.js';

/** Options of {@link SchneiderMDrive23}. */
export interface SchneiderMDrive23Options {
  /** Serial port (default `'/dev/ttyUSB0'`). */
  port?: string;
  /** Baud rate (default 9600). */
  baudrate?: number;
  /** Seconds to wait for each answer (default 1). */
  timeout?: number;
}

/**
 * Schneider Electric MDrive 23 stepper motor, in speed or position, over
 * serial with MCode (the original's crappy/actuator/schneider_mdrive_23.py).
 * `setSpeed(v)`: `SL v` (slew, integer), refused from 1e6 on;
 * `setPosition(p)`: `MR p` (relative move, integer; the speed is ignored);
 * `getPosition()`: `PR P`, whose answer's second line is the position;
 * `stop()`: `SL 0`. Commands end with a carriage return.
 */
export class SchneiderMDrive23 extends Actuator {
  static {
    Actuator.classes.register(this);
  }

  private readonly path: string;
  private readonly baudrate: number;
  private readonly timeoutMs: number;
  private port: SerialConnection | null = null;

  constructor(options: SchneiderMDrive23Options = {}) {
    super();
    const owner = 'SchneiderMDrive23';
    checkOptions(options, ['port', 'baudrate', 'timeout'], owner);
    this.path = stringOption(options.port, '/dev/ttyUSB0', owner, 'port');
    this.baudrate = numberOption(options.baudrate, 9600, owner, 'baudrate', { min: 1, integer: true });
    this.timeoutMs = toMs(numberOption(options.timeout, 1, owner, 'timeout', { min: 0, exclusive: true }));
  }

  /** Opens the port. */
  override async open(): Promise<void> {
    this.port = await SerialConnection.open('SchneiderMDrive23', { path: this.path, baudRate: this.baudrate });
  }

  /** Slews at `speed` (truncated to an integer). */
  override async setSpeed(speed: number): Promise<void> {
    if (!(Math.abs(speed) < 1_000_000)) throw new RangeError(`SchneiderMDrive23 on ${this.path}: the speed must be below 1e6 in absolute value, got ${speed}`);
    this.port!.discardInput();
    await this.port!.write(`SL ${Math.trunc(speed)}\r`);
  }

  /** Moves by `position` (truncated to an integer); `speed` is ignored. */
  override async setPosition(position: number, speed: number | null): Promise<void> {
    void speed;
    this.port!.discardInput();
    await this.port!.query(`MR ${Math.trunc(position)}\r`, '\n', this.timeoutMs);
  }

  /** The position the motor reports. */
  override async getPosition(): Promise<number> {
    const port = this.port!;
    port.discardInput();
    await port.query('PR P \r', '\n', this.timeoutMs);
    const line = await port.readUntil('\n', this.timeoutMs);
    const value = Number.parseInt(line.trim(), 10);
    if (Number.isNaN(value)) throw new Error(`SchneiderMDrive23 on ${this.path}: PR P answered ${JSON.stringify(line)}, not a position`);
    return value;
  }

  /** `SL 0`. */
  override async stop(): Promise<void> {
    await this.port?.write('SL 0\r');
  }

  /** Closes the port. */
  override async close(): Promise<void> {
    await this.port?.close();
    this.port = null;
  }
}
