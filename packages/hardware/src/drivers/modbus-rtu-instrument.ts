import { InOut } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { ModbusClientProxy } from '../modbus/modbus-client-proxy.js';
import { stringOption, toMs } from './driver-options.js';

/** Options of an instrument on Modbus RTU. */
export interface ModbusRtuInstrumentOptions {
  /** Serial port (RS-485 adapter), required. */
  port: string;
  /** Modbus unit id of the instrument, 1 to 247 (default 1). */
  address?: number;
  /** Seconds to wait for each answer (the driver's default when absent). */
  timeout?: number;
}

/**
 * The base of the InOuts that talk Modbus RTU at 9600 baud 8N1 through
 * modbus-serial in the hardware hub: checks `port`, `address` and
 * `timeout`, opens the connection (errors name the driver) and closes it.
 * A subclass reads and writes registers of `this.unit` on `this.modbus`.
 */
export abstract class ModbusRtuInstrument extends InOut {
  /** The serial port. */
  protected readonly path: string;
  /** The instrument's Modbus unit id. */
  protected readonly unit: number;
  private readonly timeoutMs: number;
  /** The connection, once open. */
  protected modbus: ModbusClientProxy | null = null;

  /**
   * @param owner the driver's name, for error messages
   * @param defaultTimeout seconds to wait for an answer when `timeout` is absent
   */
  protected constructor(options: ModbusRtuInstrumentOptions, owner: string, defaultTimeout: number) {
    super();
    checkOptions(options, ['port', 'address', 'timeout'], owner);
    this.path = stringOption(options?.port, undefined, owner, 'port');
    this.unit = numberOption(options.address, 1, owner, 'address', { min: 1, max: 247, integer: true });
    this.timeoutMs = toMs(numberOption(options.timeout, defaultTimeout, owner, 'timeout', { min: 0, exclusive: true }));
  }

  /** Opens Modbus RTU on the port. */
  override async open(): Promise<void> {
    const options = { path: this.path, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, timeoutMs: this.timeoutMs } as const;
    this.modbus = await ModbusClientProxy.openRtu(options).catch((error: Error) => {
      throw new Error(`${this.constructor.name}: ${error.message}`);
    });
  }

  /** Closes the connection. */
  override async close(): Promise<void> {
    await this.modbus?.close();
    this.modbus = null;
  }
}
