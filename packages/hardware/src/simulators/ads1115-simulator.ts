import { ADS1115_CONFIG, ADS1115_CONVERSION, ADS1115_MUX, ADS1115_OS, type Ads1115Input } from '../drivers/ads1115-registers.js';
import type { I2cDeviceModel } from '../i2c/i2c-device-model.js';

/** Full-scale range (V) by gain bits (config bits 11-9). */
const RANGES = [6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256];

/**
 * A simulated ADS1115 for {@link ADS1115}, at the level of its 16-bit
 * registers (big-endian, behind a pointer register): a config write with
 * the OS bit set starts a conversion of the selected input, which reports
 * busy on the next config read, then done; the conversion register holds
 * the input's voltage in counts of the configured range, saturated.
 */
export class ADS1115Simulator implements I2cDeviceModel {
  /** The 16-bit registers: conversion, config, lo thresh, hi thresh. */
  readonly registers = Uint16Array.of(0, 0x8583, 0x8000, 0x7fff);
  /** Conversions made. */
  conversions = 0;
  private pointer = 0;
  private busyReads = 0;

  /**
   * @param address its I2C address
   * @param volts the voltage of an input (single-ended, or the difference) at the n-th conversion
   */
  constructor(
    readonly address = 0x48,
    private readonly volts: (input: Ads1115Input, n: number) => number = () => 0,
  ) {}

  write(bytes: Uint8Array): void {
    this.pointer = bytes[0]! & 0x03;
    if (bytes.length < 3) return;
    const value = (bytes[1]! << 8) | bytes[2]!;
    if (this.pointer !== ADS1115_CONFIG) {
      this.registers[this.pointer] = value;
      return;
    }
    this.registers[ADS1115_CONFIG] = value & ~ADS1115_OS;
    if (value & ADS1115_OS) this.convert(value);
  }

  read(length: number): Uint8Array {
    let value = this.registers[this.pointer]!;
    if (this.pointer === ADS1115_CONFIG) {
      if (this.busyReads > 0) this.busyReads -= 1;
      else value |= ADS1115_OS;
    }
    return Uint8Array.of(value >> 8, value & 0xff).subarray(0, length);
  }

  private convert(config: number): void {
    const mux = config & 0x7000;
    const input = (Object.keys(ADS1115_MUX) as Ads1115Input[]).find((name) => ADS1115_MUX[name] === mux)!;
    const range = RANGES[(config >> 9) & 0x07]!;
    const counts = Math.round((this.volts(input, this.conversions++) / range) * 2 ** 15);
    this.registers[ADS1115_CONVERSION] = Math.max(-32768, Math.min(32767, counts)) & 0xffff;
    this.busyReads = 1;
  }
}
