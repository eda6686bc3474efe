import { LineDeviceModel } from '../serial/serial-device-model.js';

/**
 * A simulated Kollmorgen ServoStar 300 for {@link ServoStar300}: keeps the
 * mode and the enable state, goes to the position of the last `ORDER` at
 * `MOVE 0`, and answers `PFB` with its echo then the position.
 */
export class ServoStar300Simulator extends LineDeviceModel {
  /** Every command received, in order. */
  readonly commands: string[] = [];
  /** `OPMODE` value. */
  opmode: number | null = null;
  /** Whether the drive is enabled (`EN`, until `DIS`). */
  enabled = false;
  /** The position reached. */
  position = 0;
  private order: number | null = null;

  constructor() {
    super('\r\n');
  }

  protected answer(line: string): string | null {
    this.commands.push(line);
    const parts = line.trim().split(/\s+/);
    switch (parts[0]) {
      case 'OPMODE':
        this.opmode = Number(parts[1]);
        return null;
      case 'EN':
        this.enabled = true;
        return null;
      case 'DIS':
        this.enabled = false;
        return null;
      case 'ORDER':
        this.order = Number(parts[2]);
        return null;
      case 'MOVE':
        if (this.enabled && this.order !== null) this.position = this.order;
        return null;
      case 'PFB':
        return `PFB\r\n${this.position}\r\n`;
      default:
        return null;
    }
  }
}
