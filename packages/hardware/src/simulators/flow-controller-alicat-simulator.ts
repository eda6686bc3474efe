import { ALICAT_REGISTERS, ALICAT_SETPOINT, floatToRegisters, registersToFloat } from '../drivers/flow-controller-alicat.js';
import { ModbusRtuSimulator } from './modbus-rtu-simulator.js';

/**
 * A simulated Alicat mass flow controller for {@link FlowControllerAlicat}:
 * a Modbus RTU unit holding its measures as float32 registers; writing the
 * set point makes the mass flow (and the volumetric flow, ×1.1) equal to it.
 */
export class FlowControllerAlicatSimulator extends ModbusRtuSimulator {
  constructor(unit = 1, measures: { pressure: number; temperature: number } = { pressure: 14.7, temperature: 22.5 }) {
    super(unit);
    this.set(ALICAT_REGISTERS.Pressure, measures.pressure);
    this.set(ALICAT_REGISTERS.Temperature, measures.temperature);
    this.set(ALICAT_REGISTERS.Volumetric_flow, 0);
    this.set(ALICAT_REGISTERS.Mass_flow, 0);
  }

  /** The set point written, `null` before any. */
  get setpoint(): number | null {
    return this.holding.has(ALICAT_SETPOINT) ? registersToFloat(this.holding.get(ALICAT_SETPOINT)!, this.holding.get(ALICAT_SETPOINT + 1)!) : null;
  }

  protected override onWrite(address: number): void {
    if (address !== ALICAT_SETPOINT) return;
    this.set(ALICAT_REGISTERS.Mass_flow, this.setpoint!);
    this.set(ALICAT_REGISTERS.Volumetric_flow, this.setpoint! * 1.1);
  }

  private set(address: number, value: number): void {
    const [high, low] = floatToRegisters(value);
    this.holding.set(address, high);
    this.holding.set(address + 1, low);
  }
}
