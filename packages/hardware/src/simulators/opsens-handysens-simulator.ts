import { LineDeviceModel } from '../serial/serial-device-model.js';

/**
 * A simulated OpSens HandySens for {@link OpsensHandySens}: acknowledges
 * `meas:rate min`, answers `ch1:data? 1` with `value(n)` for the n-th
 * reading, each answer ended by a carriage return, EOT and a line feed.
 */
export class OpsensHandySensSimulator extends LineDeviceModel {
  /** Every command received, in order. */
  readonly commands: string[] = [];
  private readings = 0;

  /** @param value the value of the n-th reading */
  constructor(private readonly value: (n: number) => number = (n) => 20 + n / 100) {
    super('\n');
  }

  protected answer(line: string): string | null {
    this.commands.push(line);
    if (line === 'meas:rate min') return 'OK\r\x04\n';
    if (line === 'ch1:data? 1') return `${this.value(this.readings++).toFixed(4)}\r\x04\n`;
    return null;
  }
}
