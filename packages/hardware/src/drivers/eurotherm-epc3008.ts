import { InOut } from '@crappy/core';
import { checkOptions, numberOption, show } from '@crappy/core/options';
import { ModbusClientProxy } from '../modbus/modbus-client-proxy.js';
import { stringOption, toMs } from './driver-options.js';

/** Holding registers of the process value and the set point. */
const PROCESS_VALUE = 1;
const SETPOINT = 2;

/** Options of {@link EurothermEPC3008}. */
export interface EurothermEPC3008Options {
  /** Serial port (RS-485 adapter), required. */
  port: string;
  /** Modbus unit id of the controller (default 1). */
  address?: number;
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
export class EurothermEPC3008 extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly path: string;
  private readonly unit: number;
  private readonly timeoutMs: number;
  private modbus: ModbusClientProxy | null = null;

  constructor(options: EurothermEPC3008Options) {
    super();
    const owner = 'EurothermEPC3008';
    checkOptions(options, ['port', 'address', 'timeout'], owner);
    this.path = stringOption(options?.port, undefined, owner, 'port');
    this.unit = numberOption(options.address, 1, owner, 'address', { min: 1, max: 247, integer: true });
    this.timeoutMs = toMs(numberOption(options.timeout, 1, owner, 'timeout', { min: 0, exclusive: true }));
  }

  /** Opens Modbus RTU on the port. */
  override async open(): Promise<void> {
    this.modbus = await ModbusClientProxy.openRtu({ path: this.path, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, timeoutMs: this.timeoutMs }).catch((error: Error) => {
      throw new Error(`EurothermEPC3008: ${error.message}`);
    });
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

  /** Closes the connection. */
  override async close(): Promise<void> {
    await this.modbus?.close();
    this.modbus = null;
  }
}
