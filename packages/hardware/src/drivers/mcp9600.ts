import { InOut } from '@crappy/core';
import { checkOptions, numberOption, show } from '@crappy/core/options';
import { I2cBusProxy } from '../i2c/i2c-bus-proxy.js';
import { choiceOption } from './driver-options.js';
import { waitUntil } from './wait-until.js';
import {
  MCP9600_ADC_RESOLUTIONS,
  MCP9600_MODES,
  MCP9600_RANGE_EXCEEDED,
  MCP9600_REGISTERS,
  MCP9600_SENSOR_RESOLUTIONS,
  MCP9600_THERMOCOUPLES,
  MCP9600_UPDATED,
  type Mcp9600Mode,
  type Mcp9600Thermocouple,
} from './mcp9600-registers.js';

/** How long a conversion may take before the reading fails (ms), as in the original. */
const CONVERSION_TIMEOUT_MS = 1000;

/** Options of {@link MCP9600}. */
export interface MCP9600Options {
  /** Only `'Pi4'` (I2C through the hub). */
  backend?: 'Pi4';
  /** Thermocouple type: J, K, T, N, S, E, B or R (required). */
  thermocoupleType: Mcp9600Thermocouple;
  /** I2C bus number (default 1). */
  i2cPort?: number;
  /** I2C address (default 0x67). */
  deviceAddress?: number;
  /** ADC resolution in bits: 18 (default), 16, 14 or 12. */
  adcResolution?: number;
  /** Cold junction resolution (°C): 0.0625 (default) or 0.25. */
  sensorResolution?: number;
  /** Filter coefficient, 0 (off, default) to 7. */
  filterCoefficient?: number;
  /** What to read (default `'Hot Junction Temperature'`); `'Raw Data ADC'` is in V. */
  mode?: Mcp9600Mode;
}

/**
 * Microchip MCP9600 thermocouple amplifier on I2C (the original's
 * crappy/inout/mcp9600.py, backend `'Pi4'`). At open it writes the
 * thermocouple type and filter, and the resolutions in normal mode; each
 * `getData()` clears the status's update bit, waits for the next conversion
 * and returns `[t, value]`: a temperature in °C (16 bits / 16, two's
 * complement on 4096) or the raw ADC in V (18 bits × 2 µV). A status saying
 * the input range is exceeded fails the reading. Close puts the chip in
 * shutdown mode.
 */
export class MCP9600 extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly type: Mcp9600Thermocouple;
  private readonly busNumber: number;
  private readonly address: number;
  private readonly adcResolution: number;
  private readonly sensorResolution: number;
  private readonly filter: number;
  private readonly mode: Mcp9600Mode;
  private bus: I2cBusProxy | null = null;

  constructor(options: MCP9600Options) {
    super();
    const owner = 'MCP9600';
    checkOptions(options, ['backend', 'thermocoupleType', 'i2cPort', 'deviceAddress', 'adcResolution', 'sensorResolution', 'filterCoefficient', 'mode'], owner);
    choiceOption(options.backend, ['Pi4'] as const, 'Pi4', owner, 'backend');
    if (!Object.hasOwn(MCP9600_THERMOCOUPLES, options?.thermocoupleType ?? '')) {
      throw new RangeError(`${owner}: thermocoupleType must be one of ${Object.keys(MCP9600_THERMOCOUPLES).join(', ')}, got ${show(options?.thermocoupleType)}`);
    }
    this.type = options.thermocoupleType;
    this.busNumber = numberOption(options.i2cPort, 1, owner, 'i2cPort', { min: 0, integer: true });
    this.address = numberOption(options.deviceAddress, 0x67, owner, 'deviceAddress', { min: 0, max: 0x7f, integer: true });
    this.adcResolution = numberOption(options.adcResolution, 18, owner, 'adcResolution');
    if (!MCP9600_ADC_RESOLUTIONS.has(this.adcResolution)) throw new RangeError(`${owner}: adcResolution must be one of 18, 16, 14, 12, got ${show(this.adcResolution)}`);
    this.sensorResolution = numberOption(options.sensorResolution, 0.0625, owner, 'sensorResolution');
    if (!MCP9600_SENSOR_RESOLUTIONS.has(this.sensorResolution)) throw new RangeError(`${owner}: sensorResolution must be 0.0625 or 0.25, got ${show(this.sensorResolution)}`);
    this.filter = numberOption(options.filterCoefficient, 0, owner, 'filterCoefficient', { min: 0, max: 7, integer: true });
    this.mode = choiceOption(options.mode, MCP9600_MODES, 'Hot Junction Temperature', owner, 'mode');
  }

  /** Checks the chip answers and configures it. */
  override async open(): Promise<void> {
    this.bus = await I2cBusProxy.open(this.busNumber);
    await this.bus.receiveByte(this.address).catch((error: Error) => {
      throw new Error(`MCP9600: no MCP9600 answers at address 0x${this.address.toString(16)} on I2C bus ${this.busNumber}: ${error.message}`);
    });
    await this.writeByteRegister(MCP9600_REGISTERS['Thermocouple Sensor Configuration'], this.filter | MCP9600_THERMOCOUPLES[this.type]);
    await this.writeByteRegister(MCP9600_REGISTERS['Device Configuration'], MCP9600_SENSOR_RESOLUTIONS.get(this.sensorResolution)! | MCP9600_ADC_RESOLUTIONS.get(this.adcResolution)!);
  }

  /** One conversion: `[t, °C or V]`. */
  override async getData(): Promise<[number, number]> {
    const status = await this.readRegister(MCP9600_REGISTERS.Status, 1);
    await this.writeByteRegister(MCP9600_REGISTERS.Status, status[0]! & 0xbf);
    await waitUntil(() => this.updated(), CONVERSION_TIMEOUT_MS, `MCP9600 at 0x${this.address.toString(16)} on I2C bus ${this.busNumber}: no conversion within ${CONVERSION_TIMEOUT_MS} ms`);
    const t = this.clock.time();
    if (this.mode !== 'Raw Data ADC') {
      const block = await this.readRegister(MCP9600_REGISTERS[this.mode], 2);
      let value = ((block[0]! << 8) | block[1]!) / 16;
      if (block[0]! >> 7) value -= 4096;
      return [t, value];
    }
    const block = await this.readRegister(MCP9600_REGISTERS['Raw Data ADC'], 3);
    let raw = (block[0]! << 16) | (block[1]! << 8) | block[2]!;
    if ((block[0]! >> 1) & 1) raw -= 2 ** 18;
    return [t, raw * 2e-6];
  }

  /** Puts the chip in shutdown mode and releases the bus. */
  override async close(): Promise<void> {
    const bus = this.bus;
    this.bus = null;
    if (bus === null) return;
    try {
      const { buffer } = await bus.readI2cBlock(this.address, MCP9600_REGISTERS['Device Configuration'], 1, Buffer.alloc(1));
      await bus.writeI2cBlock(this.address, MCP9600_REGISTERS['Device Configuration'], 1, Buffer.of((buffer[0]! & 0xfd) | 0x01));
    } finally {
      await bus.close();
    }
  }

  private async updated(): Promise<boolean> {
    const status = (await this.readRegister(MCP9600_REGISTERS.Status, 1))[0]!;
    if (status & MCP9600_RANGE_EXCEEDED) {
      throw new Error(`MCP9600 at 0x${this.address.toString(16)} on I2C bus ${this.busNumber}: too hot for the type ${this.type} thermocouple (input range exceeded)`);
    }
    return (status & MCP9600_UPDATED) !== 0;
  }

  private async readRegister(register: number, length: number): Promise<Buffer> {
    return (await this.bus!.readI2cBlock(this.address, register, length, Buffer.alloc(length))).buffer;
  }

  private async writeByteRegister(register: number, value: number): Promise<void> {
    await this.bus!.writeI2cBlock(this.address, register, 1, Buffer.of(value));
  }
}
