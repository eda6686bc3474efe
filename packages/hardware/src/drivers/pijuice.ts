import { InOut } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { I2cBusProxy } from '../i2c/i2c-bus-proxy.js';
import { choiceOption } from './driver-options.js';

/** The PiJuice's command registers that the driver reads. */
export const PIJUICE_COMMANDS = {
  status: 0x40,
  chargeLevel: 0x41,
  batteryTemperature: 0x47,
  batteryVoltage: 0x49,
  batteryCurrent: 0x4b,
  ioVoltage: 0x4d,
  ioCurrent: 0x4f,
} as const;

/** Battery status, by status bits 2-3. */
export const PIJUICE_BATTERY: Readonly<Record<number, string>> = { 0x00: 'Normal', 0x04: 'Charging_from_usb', 0x08: 'Charging_from_gpio', 0x0c: 'Absent' };
/** Power input status, by bits 4-5 (USB) or 6-7 (GPIO, shifted right by 2). */
export const PIJUICE_POWER: Readonly<Record<number, string>> = { 0x00: 'Not_present', 0x10: 'Bad', 0x20: 'Weak', 0x30: 'Present' };

/** The checksum of a PiJuice answer: 0xFF xor every data byte. */
export function pijuiceChecksum(bytes: ArrayLike<number>): number {
  let check = 0xff;
  for (let i = 0; i < bytes.length; i++) check ^= bytes[i]!;
  return check;
}

/** Options of {@link PiJuice}. */
export interface PiJuiceOptions {
  /** I2C bus number (default 1). */
  i2cPort?: number;
  /** I2C address (default 0x14). */
  address?: number;
  /** Only `'Pi4'` (I2C through the hub); the original's `'pijuice'` backend is Python's. */
  backend?: 'Pi4';
}

/**
 * PiJuice HAT, the uninterruptible power supply of a Raspberry Pi (the
 * original's crappy/inout/pijuice_hat.py, backend `'Pi4'`). `getData()`
 * returns `{'t(s)', battery_status, USB_status, GPIO_status, charge_level
 * (%), battery_temperature (°C), battery_voltage (mV), battery_current (mA),
 * GPIO_voltage (mV), GPIO_current (mA)}`, each read with its checksum
 * checked (retried with the first byte's top bit set, as the original
 * does); a checksum that does not match fails the reading.
 */
export class PiJuice extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly busNumber: number;
  private readonly address: number;
  private bus: I2cBusProxy | null = null;

  constructor(options: PiJuiceOptions = {}) {
    super();
    checkOptions(options, ['i2cPort', 'address', 'backend'], 'PiJuice');
    choiceOption(options.backend, ['Pi4'] as const, 'Pi4', 'PiJuice', 'backend');
    this.busNumber = numberOption(options.i2cPort, 1, 'PiJuice', 'i2cPort', { min: 0, integer: true });
    this.address = numberOption(options.address, 0x14, 'PiJuice', 'address', { min: 0, max: 0x7f, integer: true });
  }

  /** Opens the bus. */
  override async open(): Promise<void> {
    this.bus = await I2cBusProxy.open(this.busNumber);
  }

  /** The HAT's state (see the class). */
  override async getData(): Promise<Record<string, number | string>> {
    const status = await this.read(PIJUICE_COMMANDS.status, 2);
    const charge = await this.read(PIJUICE_COMMANDS.chargeLevel, 2);
    const temperature = await this.read(PIJUICE_COMMANDS.batteryTemperature, 3);
    const word = async (command: number, signed: boolean): Promise<number> => {
      const data = await this.read(command, 3);
      const value = (data[1]! << 8) | data[0]!;
      return signed && value & 0x8000 ? value - 0x10000 : value;
    };
    const batteryVoltage = await word(PIJUICE_COMMANDS.batteryVoltage, false);
    const batteryCurrent = await word(PIJUICE_COMMANDS.batteryCurrent, true);
    const ioVoltage = await word(PIJUICE_COMMANDS.ioVoltage, false);
    const ioCurrent = await word(PIJUICE_COMMANDS.ioCurrent, true);
    return {
      't(s)': this.clock.time(),
      battery_status: PIJUICE_BATTERY[status[0]! & 0x0c]!,
      USB_status: PIJUICE_POWER[status[0]! & 0x30]!,
      GPIO_status: PIJUICE_POWER[(status[0]! & 0xc0) >> 2]!,
      charge_level: charge[0]!,
      battery_temperature: temperature[0]! & 0x80 ? temperature[0]! - 0x100 : temperature[0]!,
      battery_voltage: batteryVoltage,
      battery_current: batteryCurrent,
      GPIO_voltage: ioVoltage,
      GPIO_current: ioCurrent,
    };
  }

  /** Releases the bus. */
  override async close(): Promise<void> {
    await this.bus?.close();
    this.bus = null;
  }

  /** Reads `length` bytes (data then checksum) from `command`; returns the data. */
  private async read(command: number, length: number): Promise<number[]> {
    const { buffer } = await this.bus!.readI2cBlock(this.address, command, length, Buffer.alloc(length));
    const data = [...buffer.subarray(0, length - 1)];
    if (pijuiceChecksum(data) !== buffer[length - 1]) {
      data[0] = data[0]! | 0x80;
      if (pijuiceChecksum(data) !== buffer[length - 1]) {
        throw new Error(`PiJuice at 0x${this.address.toString(16)} on I2C bus ${this.busNumber}: bad checksum in the answer to command 0x${command.toString(16)}`);
      }
    }
    return data;
  }
}
