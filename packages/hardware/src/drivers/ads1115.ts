import { InOut } from '@crappy/core';
import { checkOptions, numberOption, show } from '@crappy/core/options';
import { GpioProxy } from '../gpio/gpio-proxy.js';
import { I2cBusProxy } from '../i2c/i2c-bus-proxy.js';
import {
  ADS1115_COMPARATOR_OFF,
  ADS1115_CONFIG,
  ADS1115_CONVERSION,
  ADS1115_HI_THRESH,
  ADS1115_LO_THRESH,
  ADS1115_MUX,
  ADS1115_OS,
  ADS1115_RANGE,
  ADS1115_RATE,
  ADS1115_SINGLE_SHOT,
  type Ads1115Input,
} from './ads1115-registers.js';
import { choiceOption } from './driver-options.js';
import { waitUntil } from './wait-until.js';

/** How long a conversion may take before the reading fails (s), as in the original. */
const CONVERSION_TIMEOUT_MS = 500;

/** Options of {@link ADS1115}. */
export interface ADS1115Options {
  /** Only `'Pi4'` (I2C through the hub); the original's `'blinka'` backend is Python's. */
  backend?: 'Pi4';
  /** I2C address (default 0x48). */
  deviceAddress?: number;
  /** I2C bus number (default 1). */
  i2cPort?: number;
  /** Samples per second: 8, 16, 32, 64, 128 (default), 250, 475 or 860. */
  sampleRate?: number;
  /** Full-scale range (V): 0.256, 0.512, 1.024, 2.048 (default), 4.096 or 6.144. */
  vRange?: number;
  /** Input: `'A0'`…`'A3'` (against GND, default `'A1'`) or `'A0 - A1'`, `'A0 - A3'`, `'A1 - A3'`, `'A2 - A3'`. */
  multiplexer?: Ads1115Input;
  /** GPIO (BCM) wired to ALERT/RDY, read for the end of conversion instead of polling the config register. */
  dryPin?: number | null;
  /** Output = gain × volts + offset (default 1). */
  gain?: number;
  /** Output = gain × volts + offset (default 0). */
  offset?: number;
}

/**
 * TI ADS1115 16-bit ADC on I2C (the original's crappy/inout/ads1115.py,
 * backend `'Pi4'`). Each `getData()` starts a single-shot conversion, waits
 * for its end (the config register's OS bit, or the `dryPin` going low),
 * and returns `[t, gain × raw × vRange / 2¹⁵ + offset]`.
 */
export class ADS1115 extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly address: number;
  private readonly busNumber: number;
  private readonly rate: number;
  private readonly range: number;
  private readonly input: Ads1115Input;
  private readonly dryPin: number | null;
  private readonly gain: number;
  private readonly offset: number;
  private bus: I2cBusProxy | null = null;
  private dry: GpioProxy | null = null;

  constructor(options: ADS1115Options = {}) {
    super();
    const owner = 'ADS1115';
    checkOptions(options, ['backend', 'deviceAddress', 'i2cPort', 'sampleRate', 'vRange', 'multiplexer', 'dryPin', 'gain', 'offset'], owner);
    choiceOption(options.backend, ['Pi4'] as const, 'Pi4', owner, 'backend');
    this.address = numberOption(options.deviceAddress, 0x48, owner, 'deviceAddress', { min: 0, max: 0x7f, integer: true });
    this.busNumber = numberOption(options.i2cPort, 1, owner, 'i2cPort', { min: 0, integer: true });
    this.rate = numberOption(options.sampleRate, 128, owner, 'sampleRate');
    if (!ADS1115_RATE.has(this.rate)) throw new RangeError(`${owner}: sampleRate must be one of ${[...ADS1115_RATE.keys()].join(', ')}, got ${show(this.rate)}`);
    this.range = numberOption(options.vRange, 2.048, owner, 'vRange');
    if (!ADS1115_RANGE.has(this.range)) throw new RangeError(`${owner}: vRange must be one of ${[...ADS1115_RANGE.keys()].join(', ')}, got ${show(this.range)}`);
    this.input = choiceOption(options.multiplexer, Object.keys(ADS1115_MUX) as Ads1115Input[], 'A1', owner, 'multiplexer');
    this.dryPin = options.dryPin === undefined || options.dryPin === null ? null : numberOption(options.dryPin, undefined, owner, 'dryPin', { min: 2, max: 27, integer: true });
    this.gain = numberOption(options.gain, 1, owner, 'gain');
    this.offset = numberOption(options.offset, 0, owner, 'offset');
  }

  /** Checks the ADC answers, and configures it. */
  override async open(): Promise<void> {
    this.bus = await I2cBusProxy.open(this.busNumber);
    await this.bus.receiveByte(this.address).catch((error: Error) => {
      throw new Error(`ADS1115: no ADS1115 answers at address 0x${this.address.toString(16)} on I2C bus ${this.busNumber}: ${error.message}`);
    });
    let config = ADS1115_MUX[this.input] | ADS1115_RANGE.get(this.range)! | ADS1115_SINGLE_SHOT | ADS1115_RATE.get(this.rate)!;
    if (this.dryPin === null) config |= ADS1115_COMPARATOR_OFF;
    await this.writeRegister(ADS1115_CONFIG, config);
    if (this.dryPin !== null) {
      await this.writeRegister(ADS1115_LO_THRESH, 0x0000);
      await this.writeRegister(ADS1115_HI_THRESH, 0xffff);
      this.dry = await GpioProxy.open(this.dryPin, 'in');
    }
  }

  /** One conversion: `[t, output]`. */
  override async getData(): Promise<[number, number]> {
    const bus = this.bus!;
    const config = await bus.readI2cBlock(this.address, ADS1115_CONFIG, 2, Buffer.alloc(2));
    await this.writeRegister(ADS1115_CONFIG, ((config.buffer[0]! << 8) | config.buffer[1]! | ADS1115_OS) & 0xffff);
    await waitUntil(() => this.converted(), CONVERSION_TIMEOUT_MS, `ADS1115 at 0x${this.address.toString(16)} on I2C bus ${this.busNumber}: no end of conversion within ${CONVERSION_TIMEOUT_MS} ms`);
    const t = this.clock.time();
    const { buffer } = await bus.readI2cBlock(this.address, ADS1115_CONVERSION, 2, Buffer.alloc(2));
    const raw = buffer.readInt16BE(0);
    return [t, this.offset + this.gain * ((raw * this.range) / 2 ** 15)];
  }

  /** Releases the bus and the GPIO. */
  override async close(): Promise<void> {
    await this.dry?.unexport();
    this.dry = null;
    await this.bus?.close();
    this.bus = null;
  }

  private async converted(): Promise<boolean> {
    if (this.dry !== null) return (await this.dry.read()) === 0;
    const { buffer } = await this.bus!.readI2cBlock(this.address, ADS1115_CONFIG, 1, Buffer.alloc(1));
    return ((buffer[0]! << 8) & ADS1115_OS) !== 0;
  }

  private async writeRegister(register: number, value: number): Promise<void> {
    await this.bus!.writeI2cBlock(this.address, register, 2, Buffer.from([(value >> 8) & 0xff, value & 0xff]));
  }
}
