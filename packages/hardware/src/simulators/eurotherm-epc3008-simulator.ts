import { ModbusRtuSimulator } from './modbus-rtu-simulator.js';

/**
 * A simulated Eurotherm EPC3008 for {@link EurothermEPC3008}: a Modbus RTU
 * unit whose process value (register 1) takes a step of 1 towards the set
 * point (register 2) each time the set point is written.
 */
export class EurothermEPC3008Simulator extends ModbusRtuSimulator {
  constructor(unit = 1, temperature = 20) {
    super(unit);
    this.holding.set(1, temperature);
    this.holding.set(2, temperature);
  }

  protected override onWrite(): void {
    const pv = this.holding.get(1)!;
    this.holding.set(1, pv + Math.sign(this.holding.get(2)! - pv));
  }
}
