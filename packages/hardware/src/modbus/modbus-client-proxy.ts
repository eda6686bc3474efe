import type { HubClient } from '../hub/client.js';
import { hubClient } from '../hub/current-client.js';
import type { ModbusRtuOptions, ModbusTcpOptions } from './modbus-options.js';

/**
 * A Modbus connection made by the hardware hub with modbus-serial (RTU on a
 * serial port, or TCP), for a Block's thread: register and coil calls as
 * Promises, each naming its unit id. Errors name the connection and the unit.
 */
export class ModbusClientProxy {
  private closed = false;

  private constructor(
    private readonly client: HubClient,
    private readonly handle: number,
  ) {}

  /** Opens Modbus RTU on a serial port of the hub. */
  static async openRtu(options: ModbusRtuOptions): Promise<ModbusClientProxy> {
    const client = hubClient();
    return new ModbusClientProxy(client, (await client.call('modbus', 'openRtu', [options])) as number);
  }

  /** Connects to a Modbus TCP server. */
  static async openTcp(options: ModbusTcpOptions): Promise<ModbusClientProxy> {
    const client = hubClient();
    return new ModbusClientProxy(client, (await client.call('modbus', 'openTcp', [options])) as number);
  }

  /** Reads `count` holding registers from `address` (function 3). */
  readHoldingRegisters(unit: number, address: number, count: number): Promise<number[]> {
    return this.call('readHoldingRegisters', unit, address, count) as Promise<number[]>;
  }
  /** Reads `count` input registers from `address` (function 4). */
  readInputRegisters(unit: number, address: number, count: number): Promise<number[]> {
    return this.call('readInputRegisters', unit, address, count) as Promise<number[]>;
  }
  /** Writes one holding register (function 6). */
  async writeRegister(unit: number, address: number, value: number): Promise<void> {
    await this.call('writeRegister', unit, address, value);
  }
  /** Writes holding registers from `address` (function 16). */
  async writeRegisters(unit: number, address: number, values: number[]): Promise<void> {
    await this.call('writeRegisters', unit, address, values);
  }
  /** Writes one coil (function 5). */
  async writeCoil(unit: number, address: number, value: boolean): Promise<void> {
    await this.call('writeCoil', unit, address, value);
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.call('modbus', 'close', [this.handle]);
  }

  private call(method: string, ...args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error(`Modbus: ${method}() after close()`));
    return this.client.call('modbus', 'call', [this.handle, method, args]);
  }
}
