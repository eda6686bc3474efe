import { LineDeviceModel } from '../serial/serial-device-model.js';

/**
 * A simulated Newport SMC100 controller with a TRA6PPD stage for
 * {@link NewportTRA6PPD}: homes at `1OR`, goes at once to `1PA` positions,
 * and answers `1TP?` with `1TP` and the position.
 */
export class NewportTRA6PPDSimulator extends LineDeviceModel {
  /** Every command received, in order. */
  readonly commands: string[] = [];
  /** Whether the stage was homed. */
  homed = false;
  /** The stage's position (mm). */
  position = 3;
  /** The last velocity set (mm/s). */
  velocity: number | null = null;

  constructor() {
    super('\r\n');
  }

  protected answer(line: string): string | null {
    this.commands.push(line);
    if (line === '1OR') {
      this.homed = true;
      this.position = 0;
    } else if (line.startsWith('1VA')) {
      this.velocity = Number(line.slice(3));
    } else if (line.startsWith('1PA') && this.homed) {
      this.position = Number(line.slice(3));
    } else if (line === '1TP?') {
      return `1TP${this.position.toFixed(6)}\r\n`;
    }
    return null;
  }
}
