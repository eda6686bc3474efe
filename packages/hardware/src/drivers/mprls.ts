import { InOut } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { GpioProxy } from '../gpio/gpio-proxy.js';
import { I2cBusProxy } from '../i2c/i2c-bus-proxy.js';
import { choiceOption } from './driver-options.js';
import { waitUntil } from './wait-until.js';

/** Status bits of the MPRLS. */
export const MPRLS_BUSY = 0x20;
export const MPRLS_MEMORY_ERROR = 0x04;
export const MPRLS_SATURATION = 0x01;
/** The command that starts a measurement. */
export const MPRLS_MEASURE = [0xaa, 0x00, 0x00] as const;
/** Counts at 0 and 25 psi (10 % and 90 % of 2²⁴). */
export const MPRLS_COUNTS_MIN = 0x19999a;
export const MPRLS_COUNTS_MAX = 0xe66666;
/** hPa per psi, as the original converts. */
export const HPA_PER_PSI = 68.947572932;

/** How long a measurement may take before the reading fails (ms), as in the original. */
const MEASURE_TIMEOUT_MS = 100;

/** Options of {@link MPRLS}. */
export interface MPRLSOptions {
  /** Only `'Pi4'` (I2C through the hub). */
  backend?: 'Pi4';
  /** GPIO (BCM) wired to the sensor's EOC pin, read instead of polling the status. */
  eocPin?: number | null;
  /** I2C address (default 0x18). */
  deviceAddress?: number;
  /** I2C bus number (default 1). */
  i2cPort?: number;
}

/**
 * Honeywell MPRLS 0–25 psi pressure sensor on I2C (the original's
 * crappy/inout/mprls.py, backend `'Pi4'`). Each `getData()` starts a
 * measurement (`AA 00 00`), waits for the busy bit to clear (or the EOC line
 * to rise), reads the status and the 24-bit counts, and returns
 * `[t, 68.947572932 × (counts − 0x19999A) × 25 / (0xE66666 − 0x19999A)]`
 * in hPa. A memory error or math saturation reported by the sensor fails
 * the reading.
 */
export class MPRLS extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly eocPin: number | null;
  private readonly address: number;
  private readonly busNumber: number;
  private bus: I2cBusProxy | null = null;
  private eoc: GpioProxy | null = null;

  constructor(options: MPRLSOptions = {}) {
    super();
    const owner = 'MPRLS';
    checkOptions(options, ['backend', 'eocPin', 'deviceAddress', 'i2cPort'], owner);
    choiceOption(options.backend, ['Pi4'] as const, 'Pi4', owner, 'backend');
    this.eocPin = options.eocPin === undefined || options.eocPin === null ? null : numberOption(options.eocPin, undefined, owner, 'eocPin', { min: 2, max: 27, integer: true });
    this.address = numberOption(options.deviceAddress, 0x18, owner, 'deviceAddress', { min: 0, max: 0x7f, integer: true });
    this.busNumber = numberOption(options.i2cPort, 1, owner, 'i2cPort', { min: 0, integer: true });
  }

  /** Opens the bus, and the EOC line when given. */
  override async open(): Promise<void> {
    this.bus = await I2cBusProxy.open(this.busNumber);
    if (this.eocPin !== null) this.eoc = await GpioProxy.open(this.eocPin, 'in');
  }

  /** One measurement: `[t, hPa]`. */
  override async getData(): Promise<[number, number]> {
    const bus = this.bus!;
    const where = `MPRLS at 0x${this.address.toString(16)} on I2C bus ${this.busNumber}`;
    await bus.i2cWrite(this.address, 3, Buffer.from(MPRLS_MEASURE));
    await waitUntil(() => this.ready(), MEASURE_TIMEOUT_MS, `${where}: no end of measurement within ${MEASURE_TIMEOUT_MS} ms`);
    const { buffer } = await bus.i2cRead(this.address, 4, Buffer.alloc(4));
    if (buffer[0]! & MPRLS_MEMORY_ERROR) throw new Error(`${where}: the sensor reports a memory error`);
    if (buffer[0]! & MPRLS_SATURATION) throw new Error(`${where}: the sensor reports a math saturation`);
    const counts = (buffer[1]! << 16) | (buffer[2]! << 8) | buffer[3]!;
    return [this.clock.time(), (HPA_PER_PSI * (counts - MPRLS_COUNTS_MIN) * 25) / (MPRLS_COUNTS_MAX - MPRLS_COUNTS_MIN)];
  }

  /** Releases the bus and the EOC line. */
  override async close(): Promise<void> {
    await this.eoc?.unexport();
    this.eoc = null;
    await this.bus?.close();
    this.bus = null;
  }

  private async ready(): Promise<boolean> {
    if (this.eoc !== null) return (await this.eoc.read()) === 1;
    const { buffer } = await this.bus!.i2cRead(this.address, 1, Buffer.alloc(1));
    return (buffer[0]! & MPRLS_BUSY) === 0;
  }
}
