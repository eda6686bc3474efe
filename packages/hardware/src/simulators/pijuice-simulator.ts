import { PIJUICE_COMMANDS, pijuiceChecksum } from '../drivers/pijuice.js';
import type { I2cDeviceModel } from '../i2c/i2c-device-model.js';

/** The state a simulated PiJuice reports. */
export interface PiJuiceState {
  /** Status byte: battery bits 2-3, USB bits 4-5, GPIO bits 6-7. */
  status: number;
  /** Charge level (%). */
  chargeLevel: number;
  /** Battery temperature (°C, −128 to 127). */
  batteryTemperature: number;
  /** Battery voltage (mV). */
  batteryVoltage: number;
  /** Battery current (mA, signed). */
  batteryCurrent: number;
  /** GPIO 5 V rail voltage (mV). */
  ioVoltage: number;
  /** GPIO 5 V rail current (mA, signed). */
  ioCurrent: number;
}

/**
 * A simulated PiJuice HAT for {@link PiJuice}: each command register
 * answers its value's bytes (little-endian) and a checksum (0xFF xor the
 * bytes). `corrupt` makes the checksums wrong.
 */
export class PiJuiceSimulator implements I2cDeviceModel {
  /** When true, every checksum is wrong. */
  corrupt = false;
  private pointer = 0;

  constructor(
    /** What it reports; change it to simulate the battery. */
    readonly state: PiJuiceState = { status: 0x34, chargeLevel: 87, batteryTemperature: 31, batteryVoltage: 4120, batteryCurrent: -250, ioVoltage: 5080, ioCurrent: 1200 },
    readonly address = 0x14,
  ) {}

  write(bytes: Uint8Array): void {
    this.pointer = bytes[0]!;
  }

  read(length: number): Uint8Array {
    const u16 = (value: number): number[] => [value & 0xff, (value >> 8) & 0xff];
    const data: Record<number, number[]> = {
      [PIJUICE_COMMANDS.status]: [this.state.status],
      [PIJUICE_COMMANDS.chargeLevel]: [this.state.chargeLevel],
      [PIJUICE_COMMANDS.batteryTemperature]: [this.state.batteryTemperature & 0xff, 0],
      [PIJUICE_COMMANDS.batteryVoltage]: u16(this.state.batteryVoltage),
      [PIJUICE_COMMANDS.batteryCurrent]: u16(this.state.batteryCurrent),
      [PIJUICE_COMMANDS.ioVoltage]: u16(this.state.ioVoltage),
      [PIJUICE_COMMANDS.ioCurrent]: u16(this.state.ioCurrent),
    };
    const bytes = data[this.pointer] ?? [0];
    const answer = [...bytes, pijuiceChecksum(bytes) ^ (this.corrupt ? 0x5a : 0)];
    return Uint8Array.from({ length }, (_, i) => answer[i] ?? 0);
  }
}
