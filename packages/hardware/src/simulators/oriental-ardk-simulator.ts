import { LineDeviceModel } from '../serial/serial-device-model.js';

/**
 * A simulated Oriental ARD-K driver for {@link OrientalARDK}: axis `axis`
 * answers `TALKn` with its prompt; `VR`, `MCP`, `MCN`, `MA`, `SSTOP` set
 * its motion, and its position (in driver steps) moves at the set speed
 * (steps per second) in real time; `PC` answers with the echo then
 * `PC=position`.
 */
export class OrientalARDKSimulator extends LineDeviceModel {
  /** Every command received, in order. */
  readonly commands: string[] = [];
  /** The signed speed it moves at (0 when stopped). */
  speed = 0;
  private setSpeed = 0;
  private position = 0;
  private since = performance.now();

  constructor(private readonly axis = 1) {
    super('\n');
  }

  /** Its position now. */
  positionNow(): number {
    const now = performance.now();
    this.position += (this.speed * (now - this.since)) / 1000;
    this.since = now;
    return this.position;
  }

  protected answer(line: string): string | null {
    this.commands.push(line);
    const [name, argument] = line.trim().split(/\s+/) as [string, string | undefined];
    this.positionNow();
    switch (name) {
      case `TALK${this.axis}`:
        return `${this.axis}>`;
      case 'VR':
        this.setSpeed = Number(argument);
        return null;
      case 'MCP':
        this.speed = this.setSpeed;
        return null;
      case 'MCN':
        this.speed = -this.setSpeed;
        return null;
      case 'MA':
        // An absolute move ends a continuous one; the simulator arrives at once.
        this.speed = 0;
        this.position = Number(argument);
        return null;
      case 'SSTOP':
        this.speed = 0;
        return null;
      case 'PC':
        return `PC\r\nPC=${this.position.toFixed(2)}\r\n`;
      default:
        return null;
    }
  }
}
