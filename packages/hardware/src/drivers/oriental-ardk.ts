import { Actuator } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { SerialConnection } from '../serial/serial-connection.js';
import { stringOption, toMs } from './driver-options.js';

/** Options of {@link OrientalARDK}. */
export interface OrientalARDKOptions {
  /** Baud rate (default 115200). */
  baudrate?: number;
  /** Serial port (default `'/dev/ttyUSB0'`). */
  port?: string;
  /** Speed command to driver units: the default 1/0.07 makes a command of 1 about 0.07 mm/min. */
  gain?: number;
  /** Seconds to wait for each answer (default 1). */
  timeout?: number;
}

/**
 * Oriental Motor ARD-K stepper driver, in speed or position, over serial
 * (the original's crappy/actuator/oriental_ard_k.py). At open it finds the
 * axis that answers `TALKn` (n from 1 to 4) with its prompt `n>`, clears
 * the alarms and sets the accelerations (`TA .1`, `TD .1`).
 *
 * `setSpeed(cmd)`: `min(100, round(|cmd·gain|))`; zero stops the motor;
 * otherwise `VR speed` then `MCP` (forward) or `MCN` (backward), only when
 * the signed speed changed, with a stop first when the direction reverses.
 * `setPosition(p, speed)`: `VR |speed|` then `MA p` (a speed is required).
 * `getPosition()`: `PC`, whose answer's second line is `PC=value`.
 * `stop()`: `SSTOP`.
 */
export class OrientalARDK extends Actuator {
  static {
    Actuator.classes.register(this);
  }

  private readonly path: string;
  private readonly baudrate: number;
  private readonly gain: number;
  private readonly timeoutMs: number;
  private port: SerialConnection | null = null;
  private previousSpeed = 0;

  constructor(options: OrientalARDKOptions = {}) {
    super();
    const owner = 'OrientalARDK';
    checkOptions(options, ['baudrate', 'port', 'gain', 'timeout'], owner);
    this.baudrate = numberOption(options.baudrate, 115200, owner, 'baudrate', { min: 1, integer: true });
    this.path = stringOption(options.port, '/dev/ttyUSB0', owner, 'port');
    this.gain = numberOption(options.gain, 1 / 0.07, owner, 'gain');
    this.timeoutMs = toMs(numberOption(options.timeout, 1, owner, 'timeout', { min: 0, exclusive: true }));
  }

  /** Opens the port, finds the axis, clears the alarms, sets the accelerations. */
  override async open(): Promise<void> {
    const port = await SerialConnection.open('OrientalARDK', { path: this.path, baudRate: this.baudrate });
    this.port = port;
    let found = false;
    for (let axis = 1; axis <= 4 && !found; axis++) {
      port.discardInput();
      await port.write(`TALK${axis}\n`);
      found = await port.readUntil(`${axis}>`, this.timeoutMs).then(
        () => true,
        () => false,
      );
    }
    if (!found) throw new Error(`OrientalARDK on ${this.path}: no axis answered TALK1 to TALK4`);
    await port.write('ALMCLR\n');
    await port.write('TA .1\n');
    await port.write('TD .1\n');
  }

  /** Moves at `cmd`·gain (see the class). */
  override async setSpeed(cmd: number): Promise<void> {
    const speed = Math.min(100, Math.floor(Math.abs(cmd * this.gain) + 0.5));
    if (speed === 0) {
      await this.stop();
      return;
    }
    const sign = Math.sign(cmd);
    const signed = sign * speed;
    if (signed === this.previousSpeed) return;
    if (this.previousSpeed * sign < 0) await this.stop();
    await this.port!.write(`VR ${speed}\n`);
    await this.port!.write(sign > 0 ? 'MCP\n' : 'MCN\n');
    this.previousSpeed = signed;
  }

  /** Moves to `position` at `speed` (required). */
  override async setPosition(position: number, speed: number | null): Promise<void> {
    if (speed === null) throw new Error('OrientalARDK: setPosition needs a speed: give the Machine a speed or a speedCmdLabel');
    await this.port!.write(`VR ${Math.abs(speed)}\n`);
    await this.port!.write(`MA ${position}\n`);
  }

  /** The position the driver reports. */
  override async getPosition(): Promise<number> {
    const port = this.port!;
    port.discardInput();
    await port.write('PC\n');
    await port.readUntil('\n', this.timeoutMs);
    const line = await port.readUntil('\n', this.timeoutMs);
    const value = Number(/^PC\s*=\s*(\S+)/.exec(line.trim())?.[1]);
    if (Number.isNaN(value)) throw new Error(`OrientalARDK on ${this.path}: PC answered ${JSON.stringify(line)}, not a position`);
    return value;
  }

  /** `SSTOP`. */
  override async stop(): Promise<void> {
    this.previousSpeed = 0;
    await this.port?.write('SSTOP\n');
  }

  /** Closes the port. */
  override async close(): Promise<void> {
    await this.port?.close();
    this.port = null;
  }
}
