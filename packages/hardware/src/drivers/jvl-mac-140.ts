import { Actuator } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { SerialConnection } from '../serial/serial-connection.js';
import { stringOption, toMs } from './driver-options.js';
import { JVL_ANSWER_LENGTH, jvlAnswerValue, jvlCommand, jvlReadRequest } from './jvl-frames.js';
import { pythonRound } from './python-round.js';

/** The mode register: 0 passive (stopped), 1 velocity, 2 position. */
const MODE = 2;
/** The actual position register. */
const ACTUAL_POSITION = 10;

/** Options of {@link JVLMac140}. */
export interface JVLMac140Options {
  /** Serial port (default `'/dev/ttyUSB0'`); 19200 baud, as the motor uses. */
  port?: string;
  /** Seconds to wait for a position answer (default 1). */
  timeout?: number;
}

/** The acceleration register value the original always sets. */
const ACCELERATION = pythonRound((16 * 4096 * 10000) / (520.8 * 520.8 * 5));

/** mm/min to the motor's velocity unit, as the original converts it. */
function velocity(speed: number): number {
  return pythonRound((16 * 4096 * speed) / (520.8 * 60 * 5));
}

/**
 * JVL MAC140 integrated servomotor (the Biotens tensile machine), in speed
 * or in position, over serial (the original's crappy/actuator/jvl_mac_140.py).
 * Speeds are in mm/min, positions in mm (4096 counts per 5 mm):
 * `setSpeed(v)` writes the velocity `round(16·4096·v / (520.8·60·5))`, the
 * torque 1023, the acceleration `round(16·4096·10000 / (520.8²·5))`, then
 * velocity mode; `setPosition(p, v)` writes the target `round(p·4096/5)`,
 * the same velocity, torque and acceleration, then position mode (a speed
 * is required); `getPosition()` reads the actual position (register 10);
 * `stop()` sets the passive mode.
 */
export class JVLMac140 extends Actuator {
  static {
    Actuator.classes.register(this);
  }

  private readonly path: string;
  private readonly timeoutMs: number;
  private port: SerialConnection | null = null;

  constructor(options: JVLMac140Options = {}) {
    super();
    checkOptions(options, ['port', 'timeout'], 'JVLMac140');
    this.path = stringOption(options.port, '/dev/ttyUSB0', 'JVLMac140', 'port');
    this.timeoutMs = toMs(numberOption(options.timeout, 1, 'JVLMac140', 'timeout', { min: 0, exclusive: true }));
  }

  /** Opens the port and clears register 35 as the original does. */
  override async open(): Promise<void> {
    this.port = await SerialConnection.open('JVLMac140', { path: this.path, baudRate: 19200 });
    await this.port.write(Uint8Array.from(jvlCommand(35, 4, 0, 'i', true)));
  }

  /** Moves at `speed` mm/min. */
  override async setSpeed(speed: number): Promise<void> {
    await this.port!.write(
      Uint8Array.from([
        ...jvlCommand(5, 2, velocity(speed), 'h', true),
        ...jvlCommand(7, 7, 1023, 'h', true),
        ...jvlCommand(6, 2, ACCELERATION, 'h', false),
        ...jvlCommand(MODE, 2, 1, 'h', true),
      ]),
    );
  }

  /** Moves to `position` mm at `speed` mm/min (required). */
  override async setPosition(position: number, speed: number | null): Promise<void> {
    if (speed === null) throw new Error('JVLMac140: setPosition needs a speed: give the Machine a speed or a speedCmdLabel');
    await this.port!.write(
      Uint8Array.from([
        ...jvlCommand(3, 4, pythonRound((position * 4096) / 5), 'i', false),
        ...jvlCommand(5, 2, velocity(speed), 'h', true),
        ...jvlCommand(7, 7, 1023, 'h', true),
        ...jvlCommand(6, 2, ACCELERATION, 'h', true),
        ...jvlCommand(MODE, 2, 2, 'h', true),
      ]),
    );
  }

  /**
   * The actual position, in mm.
   * @throws Error naming the port when the answer is missing or malformed
   */
  override async getPosition(): Promise<number> {
    const port = this.port!;
    port.discardInput();
    await port.write(Uint8Array.from(jvlReadRequest(ACTUAL_POSITION)));
    const answer = await port.readBytes(JVL_ANSWER_LENGTH, this.timeoutMs);
    const counts = jvlAnswerValue(answer);
    if (counts === null) throw new Error(`JVLMac140 on ${this.path}: corrupted position answer: ${Buffer.from(answer).toString('hex')}`);
    return (counts * 5) / 4096;
  }

  /** Sets the passive mode. */
  override async stop(): Promise<void> {
    await this.port?.write(Uint8Array.from(jvlCommand(MODE, 2, 0, 'h', true)));
  }

  /** Closes the port. */
  override async close(): Promise<void> {
    await this.port?.close();
    this.port = null;
  }
}
