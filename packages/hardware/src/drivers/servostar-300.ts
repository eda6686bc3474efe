import { Actuator } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { SerialConnection } from '../serial/serial-connection.js';
import { choiceOption, stringOption, toMs } from './driver-options.js';

/** Options of {@link ServoStar300}. */
export interface ServoStar300Options {
  /** Serial port (required). */
  port: string;
  /** Baud rate (default 38400). */
  baudrate?: number;
  /** Driving mode at start: `'serial'` (default, positions sent by this driver) or `'analog'`. */
  mode?: 'serial' | 'analog';
  /** Seconds to wait for a position answer (default 2, the original's). */
  timeout?: number;
}

/**
 * Kollmorgen ServoStar 300 servo drive, in position, over serial (the
 * original's crappy/actuator/kollmorgen_servostar_300.py). At open:
 * `ANCNFG 0`, the mode (`OPMODE 8` serial, `OPMODE 1` analog), `EN`, `MH`.
 * `setPosition(p, speed)`: `ORDER 0 trunc(p) speed 8192 200 200 0 0 0 0`
 * then `MOVE 0` (speed 20000 when none; a repeated position is not sent
 * again; a boolean command switches to serial (true) or analog (false)
 * driving). `getPosition()`: `PFB`, the line after the echo. `stop()`: `DIS`.
 */
export class ServoStar300 extends Actuator {
  static {
    Actuator.classes.register(this);
  }

  private readonly path: string;
  private readonly baudrate: number;
  private mode: 'serial' | 'analog';
  private readonly timeoutMs: number;
  private port: SerialConnection | null = null;
  private lastPosition: number | boolean | null = null;

  constructor(options: ServoStar300Options) {
    super();
    const owner = 'ServoStar300';
    checkOptions(options, ['port', 'baudrate', 'mode', 'timeout'], owner);
    this.path = stringOption(options?.port, undefined, owner, 'port');
    this.baudrate = numberOption(options.baudrate, 38400, owner, 'baudrate', { min: 1, integer: true });
    this.mode = choiceOption(options.mode, ['serial', 'analog'] as const, 'serial', owner, 'mode');
    this.timeoutMs = toMs(numberOption(options.timeout, 2, owner, 'timeout', { min: 0, exclusive: true }));
  }

  /** Opens the port, sets the analog configuration and the mode, enables and homes the drive. */
  override async open(): Promise<void> {
    this.port = await SerialConnection.open('ServoStar300', { path: this.path, baudRate: this.baudrate });
    await this.port.write('ANCNFG 0\r\n');
    await this.setMode(this.mode);
    await this.port.write('EN\r\n');
    await this.port.write('MH\r\n');
  }

  /** Moves to `position` (drive units), or switches the driving mode for a boolean. */
  override async setPosition(position: number | boolean, speed: number | null): Promise<void> {
    if (this.lastPosition === position) return;
    if (typeof position === 'boolean') {
      await this.setMode(position ? 'serial' : 'analog');
      return;
    }
    if (this.mode !== 'serial') await this.setMode('serial');
    this.port!.discardInput();
    await this.port!.write(`ORDER 0 ${Math.trunc(position)} ${speed ?? 20000} 8192 200 200 0 0 0 0\r\n`);
    await this.port!.write('MOVE 0\r\n');
    this.lastPosition = position;
  }

  /** The position feedback. */
  override async getPosition(): Promise<number> {
    const port = this.port!;
    port.discardInput();
    await port.write('PFB\r\n');
    await port.readUntil('PFB\r\n', this.timeoutMs);
    const line = await port.readUntil('\n', this.timeoutMs);
    const value = Number.parseInt(line.trim(), 10);
    if (Number.isNaN(value)) throw new Error(`ServoStar300 on ${this.path}: PFB answered ${JSON.stringify(line)}, not a position`);
    return value;
  }

  /** Disables the drive (`DIS`). */
  override async stop(): Promise<void> {
    this.port?.discardInput();
    await this.port?.write('DIS\r\n');
  }

  /** Closes the port. */
  override async close(): Promise<void> {
    await this.port?.close();
    this.port = null;
  }

  private async setMode(mode: 'serial' | 'analog'): Promise<void> {
    if (mode === 'analog') this.lastPosition = null;
    this.port!.discardInput();
    await this.port!.write(mode === 'serial' ? 'OPMODE 8\r\n' : 'OPMODE 1\r\n');
    this.mode = mode;
  }
}
