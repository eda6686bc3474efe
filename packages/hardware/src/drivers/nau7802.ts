import { InOut } from '@crappy/core';
import { checkOptions, numberOption, show } from '@crappy/core/options';
import { GpioProxy } from '../gpio/gpio-proxy.js';
import { I2cBusProxy } from '../i2c/i2c-bus-proxy.js';
import {
  CTRL2_CAL_ERROR,
  CTRL2_CALS,
  NAU7802_ADC,
  NAU7802_ADCO_B2,
  NAU7802_CTRL1,
  NAU7802_CTRL2,
  NAU7802_GAINS,
  NAU7802_PGA_PWR,
  NAU7802_PU_CTRL,
  NAU7802_RATES,
  NAU7802_VREF,
  PGA_PWR_PGA_CAP_EN,
  PU_CTRL_AVDDS,
  PU_CTRL_CR,
  PU_CTRL_PUA,
  PU_CTRL_PUD,
  PU_CTRL_PUR,
  PU_CTRL_RR,
} from './nau7802-registers.js';
import { waitUntil } from './wait-until.js';

/** Options of {@link NAU7802}. */
export interface NAU7802Options {
  /** I2C bus number (default 1). */
  i2cPort?: number;
  /** I2C address (default 0x2A, fixed by the chip). */
  deviceAddress?: number;
  /** Programmable gain: 1, 2, 4, 8, 16, 32, 64 or 128 (default). */
  gainHardware?: number;
  /** Samples per second: 10, 20, 40, 80 (default) or 320. */
  sampleRate?: number;
  /** GPIO (BCM) wired to DRDY, read for the end of conversion instead of the cycle ready bit. */
  intPin?: number | null;
  /** Output = gain × volts + offset (default 1). */
  gain?: number;
  /** Output = gain × volts + offset (default 0). */
  offset?: number;
}

/**
 * Nuvoton NAU7802 24-bit load cell ADC on I2C (the original's
 * crappy/inout/nau7802.py). At open it resets and powers up the chip, sets
 * the gain, the internal LDO, the sample rate, the ADC and PGA options, and
 * runs the internal calibration; each `getData()` waits for a conversion
 * (cycle ready bit, or DRDY on `intPin`) and returns
 * `[t, gain × raw / 2²³ × 0.5 × 3.3 / gainHardware + offset]`. Close powers
 * the chip down.
 */
export class NAU7802 extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly busNumber: number;
  private readonly address: number;
  private readonly gainHardware: number;
  private readonly rate: number;
  private readonly intPin: number | null;
  private readonly gain: number;
  private readonly offset: number;
  private bus: I2cBusProxy | null = null;
  private drdy: GpioProxy | null = null;

  constructor(options: NAU7802Options = {}) {
    super();
    const owner = 'NAU7802';
    checkOptions(options, ['i2cPort', 'deviceAddress', 'gainHardware', 'sampleRate', 'intPin', 'gain', 'offset'], owner);
    this.busNumber = numberOption(options.i2cPort, 1, owner, 'i2cPort', { min: 0, integer: true });
    this.address = numberOption(options.deviceAddress, 0x2a, owner, 'deviceAddress', { min: 0, max: 0x7f, integer: true });
    this.gainHardware = numberOption(options.gainHardware, 128, owner, 'gainHardware');
    if (!NAU7802_GAINS.has(this.gainHardware)) throw new RangeError(`${owner}: gainHardware must be one of ${[...NAU7802_GAINS.keys()].join(', ')}, got ${show(this.gainHardware)}`);
    this.rate = numberOption(options.sampleRate, 80, owner, 'sampleRate');
    if (!NAU7802_RATES.has(this.rate)) throw new RangeError(`${owner}: sampleRate must be one of ${[...NAU7802_RATES.keys()].join(', ')}, got ${show(this.rate)}`);
    this.intPin = options.intPin === undefined || options.intPin === null ? null : numberOption(options.intPin, undefined, owner, 'intPin', { min: 2, max: 27, integer: true });
    this.gain = numberOption(options.gain, 1, owner, 'gain');
    this.offset = numberOption(options.offset, 0, owner, 'offset');
  }

  /** Resets, powers up, configures and calibrates the chip. */
  override async open(): Promise<void> {
    this.bus = await I2cBusProxy.open(this.busNumber);
    await this.bus.receiveByte(this.address).catch((error: Error) => {
      throw new Error(`NAU7802: no NAU7802 answers at address 0x${this.address.toString(16)} on I2C bus ${this.busNumber}: ${error.message}`);
    });
    await this.setBit(PU_CTRL_RR, NAU7802_PU_CTRL, 1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await this.setBit(PU_CTRL_RR, NAU7802_PU_CTRL, 0);
    await this.setBit(PU_CTRL_PUD, NAU7802_PU_CTRL, 1);
    await this.setBit(PU_CTRL_PUA, NAU7802_PU_CTRL, 1);
    await this.waitFor(() => this.getBit(PU_CTRL_PUR, NAU7802_PU_CTRL), 100, 'no power-up');
    await this.bus.writeByte(this.address, NAU7802_CTRL1, NAU7802_GAINS.get(this.gainHardware)!);
    await this.setBit(PU_CTRL_AVDDS, NAU7802_PU_CTRL, 1);
    await this.bus.writeByte(this.address, NAU7802_CTRL2, NAU7802_RATES.get(this.rate)! << 4);
    await this.bus.writeByte(this.address, NAU7802_ADC, 0x30);
    await this.setBit(PGA_PWR_PGA_CAP_EN, NAU7802_PGA_PWR, 1);
    await this.setBit(CTRL2_CALS, NAU7802_CTRL2, 1);
    await this.waitFor(
      async () => {
        if (await this.getBit(CTRL2_CAL_ERROR, NAU7802_CTRL2)) throw new Error(`${this.where()}: the internal calibration failed`);
        return !(await this.getBit(CTRL2_CALS, NAU7802_CTRL2));
      },
      1000,
      'no end of calibration',
    );
    if (this.intPin !== null) this.drdy = await GpioProxy.open(this.intPin, 'in');
  }

  /** One conversion: `[t, output]`. */
  override async getData(): Promise<[number, number]> {
    await this.waitFor(() => (this.drdy !== null ? this.drdy.read().then((value) => value === 1) : this.getBit(PU_CTRL_CR, NAU7802_PU_CTRL)), 500, 'no conversion');
    const t = this.clock.time();
    const { buffer } = await this.bus!.readI2cBlock(this.address, NAU7802_ADCO_B2, 3, Buffer.alloc(3));
    let raw = (buffer[0]! << 16) | (buffer[1]! << 8) | buffer[2]!;
    if (buffer[0]! >> 7) raw -= 2 ** 24;
    return [t, this.offset + this.gain * (((raw / 2 ** 23) * 0.5 * NAU7802_VREF) / this.gainHardware)];
  }

  /** Powers the chip down and releases the bus and the DRDY line. */
  override async close(): Promise<void> {
    await this.drdy?.unexport();
    this.drdy = null;
    const bus = this.bus;
    if (bus === null) return;
    try {
      await this.setBit(PU_CTRL_PUD, NAU7802_PU_CTRL, 0);
      await new Promise((resolve) => setTimeout(resolve, 1));
      await this.setBit(PU_CTRL_PUA, NAU7802_PU_CTRL, 0);
    } finally {
      this.bus = null;
      await bus.close();
    }
  }

  private where(): string {
    return `NAU7802 at 0x${this.address.toString(16)} on I2C bus ${this.busNumber}`;
  }

  private waitFor(done: () => Promise<boolean>, ms: number, what: string): Promise<void> {
    return waitUntil(done, ms, `${this.where()}: ${what} within ${ms} ms`);
  }

  private async setBit(bit: number, register: number, value: 0 | 1): Promise<void> {
    const { buffer } = await this.bus!.readI2cBlock(this.address, register, 1, Buffer.alloc(1));
    const byte = value ? buffer[0]! | (1 << bit) : buffer[0]! & ~(1 << bit);
    await this.bus!.writeByte(this.address, register, byte & 0xff);
  }

  private async getBit(bit: number, register: number): Promise<boolean> {
    const { buffer } = await this.bus!.readI2cBlock(this.address, register, 1, Buffer.alloc(1));
    return ((buffer[0]! >> bit) & 1) === 1;
  }
}
