import { InOut } from '@crappy/core';
import { show } from '@crappy/core/options';
import { ModbusRtuInstrument, type ModbusRtuInstrumentOptions } from './modbus-rtu-instrument.js';

/** Holding registers (2 each, a big-endian float32) of what the controller measures, in `getData()`'s order. */
export const ALICAT_REGISTERS = { Pressure: 1202, Temperature: 1204, Volumetric_flow: 1206, Mass_flow: 1208 } as const;
/** Holding registers (2) of the mass flow set point. */
export const ALICAT_SETPOINT = 1009;

/** The two registers of a float32, big-endian words and bytes. */
export function floatToRegisters(value: number): [number, number] {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value);
  return [view.getUint16(0), view.getUint16(2)];
}

/** The float32 held by two registers, big-endian words and bytes. */
export function registersToFloat(high: number, low: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint16(0, high);
  view.setUint16(2, low);
  return view.getFloat32(0);
}

/** Options of {@link FlowControllerAlicat}. */
export interface FlowControllerAlicatOptions extends ModbusRtuInstrumentOptions {
  /** Seconds to wait for each answer (default 3). */
  timeout?: number;
}

/**
 * Alicat mass flow controller over Modbus RTU, 9600 baud 8N1 (the
 * original's crappy/inout/flow_controller_alicat.py), through modbus-serial
 * in the hub. `getData()` returns `[t, pressure, temperature, volumetric
 * flow, mass flow]`, each a float32 in two holding registers (1202 to
 * 1209); `setCmd(flow)` writes the mass flow set point (registers 1009-1010).
 */
export class FlowControllerAlicat extends ModbusRtuInstrument {
  static {
    InOut.classes.register(this);
  }

  constructor(options: FlowControllerAlicatOptions) {
    super(options, 'FlowControllerAlicat', 3);
  }

  /** `[t, pressure, temperature, volumetric flow, mass flow]`. */
  override async getData(): Promise<number[]> {
    const data = [this.clock.time()];
    for (const address of Object.values(ALICAT_REGISTERS)) {
      const [high, low] = await this.modbus!.readHoldingRegisters(this.unit, address, 2);
      data.push(registersToFloat(high!, low!));
    }
    return data;
  }

  /** Writes the mass flow set point. */
  override async setCmd(value: unknown): Promise<void> {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`FlowControllerAlicat: the command must be a mass flow set point, got ${show(value)}`);
    await this.modbus!.writeRegisters(this.unit, ALICAT_SETPOINT, floatToRegisters(value));
  }
}
