import { LineDeviceModel } from '../serial/serial-device-model.js';

/**
 * A simulated Schneider MDrive 23 for {@link SchneiderMDrive23}: echoes
 * each command line (as MCode's echo mode does), slews at `SL` speed
 * (steps per second, in real time), moves by `MR`, and answers `PR P` with
 * the position on the line after the echo.
 */
export class SchneiderMDrive23Simulator extends LineDeviceModel {
  /** Every command received, in order. */
  readonly commands: string[] = [];
  /** The slew speed (0 when stopped). */
  speed = 0;
  private position = 0;
  private since = performance.now();

  constructor() {
    super('\r');
  }

  /** Its position now. */
  positionNow(): number {
    const now = performance.now();
    this.position += (this.speed * (now - this.since)) / 1000;
    this.since = now;
    return this.position;
  }

  protected answer(line: string): string | null {
    const command = line.trim();
    this.commands.push(command);
    this.positionNow();
    const [name, argument] = command.split(/\s+/) as [string, string | undefined];
    if (name === 'SL') this.speed = Number(argument);
    if (name === 'MR') this.position += Number(argument);
    if (command === 'PR P') return `${line}\r\n${Math.trunc(this.position)}\r\n`;
    return `${line}\r\n`;
  }
}
