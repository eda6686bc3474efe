import { InOut } from '@crappy/core';
import { show } from '@crappy/core/options';
import { ModbusRtuInstrument, type ModbusRtuInstrumentOptions } from './modbus-rtu-instrument.js';

/** Holding registers of the process value and the set point. */
const PROCESS_VALUE = 1;
const SETPOINT = 2;

/** Options of {@link EurothermEPC3008}. */
export interface EurothermEPC3008Options extends ModbusRtuInstrumentOptions {
  /** Seconds to wait for each answer (default 1). */
  timeout?: number;
}

/**
 * Eurotherm EPC3008 temperature controller over Modbus RTU, 9600 baud 8N1
 * (the original's crappy/inout/eurotherm_EPC3008.py), through modbus-serial
 * in the hub. `getData()` returns `[t, PV, SP]` (holding registers 1 and 2,
 * as integers); `setCmd(sp)` writes the set point (its integer part, on 16
 * bits). A request without answer, or with a bad CRC, fails with the port
 * and unit named.
 */
export class EurothermEPC3008 extends ModbusRtuInstrument {
  static {
    InOut.classes.register(this);
  }

  constructor(options: EurothermEPC3008Options) {
    super(options, 'EurothermEPC3008', 1);
  }

  /** `[t, PV, SP]`. */
  override async getData(): Promise<[number, number, number]> {
    const t = this.clock.time();
    const [pv] = await this.modbus!.readHoldingRegisters(this.unit, PROCESS_VALUE, 1);
    const [sp] = await this.modbus!.readHoldingRegisters(this.unit, SETPOINT, 1);
    return [t, pv!, sp!];
  }

  /** Writes the set point. */
  override async setCmd(value: unknown): Promise<void> {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`EurothermEPC3008: the command must be a set point, got ${show(value)}`);
    await this.modbus!.writeRegister(this.unit, SETPOINT, Math.trunc(value) & 0xffff);
  }
}
