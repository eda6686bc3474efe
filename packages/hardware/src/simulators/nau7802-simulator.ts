import { CTRL2_CALS, NAU7802_ADCO_B2, NAU7802_CTRL1, NAU7802_CTRL2, NAU7802_PU_CTRL, NAU7802_VREF, PU_CTRL_CR, PU_CTRL_PUA, PU_CTRL_PUD, PU_CTRL_PUR } from '../drivers/nau7802-registers.js';
import { RegisterDeviceModel } from '../i2c/i2c-device-model.js';

/**
 * A simulated NAU7802 for {@link NAU7802}, on 8-bit registers: powering up
 * (PUD and PUA) sets the power-up ready bit; a calibration (CALS) ends at
 * the next read of CTRL2; then a conversion of `volts(n)` is ready (cycle
 * ready bit) at the next read of PU_CTRL, and again after each result read; the
 * result is 24-bit two's complement of `volts × gain / (0.5 × 3.3) × 2²³`.
 */
export class NAU7802Simulator extends RegisterDeviceModel {
  /** Calibrations run. */
  calibrations = 0;
  /** Conversions made. */
  conversions = 0;
  /** A new conversion starts: after the calibration, then after each result is read. */
  private converting = false;

  /** @param volts the differential input voltage at the n-th conversion */
  constructor(
    address = 0x2a,
    private readonly volts: (n: number) => number = () => 0,
  ) {
    super(address);
  }

  protected override onWrite(register: number, data: Uint8Array): void {
    if (register !== NAU7802_PU_CTRL) return;
    const value = data[0]!;
    const powered = (value >> PU_CTRL_PUD) & 1 && (value >> PU_CTRL_PUA) & 1;
    this.registers[NAU7802_PU_CTRL] = powered ? value | (1 << PU_CTRL_PUR) : value & ~(1 << PU_CTRL_PUR) & 0xff;
  }

  protected override beforeRead(register: number): void {
    if (register === NAU7802_CTRL2 && this.registers[NAU7802_CTRL2]! & (1 << CTRL2_CALS)) {
      this.registers[NAU7802_CTRL2] = this.registers[NAU7802_CTRL2]! & ~(1 << CTRL2_CALS);
      this.calibrations += 1;
      this.converting = true;
    }
    if (register === NAU7802_PU_CTRL && this.converting) {
      this.converting = false;
      const gain = 2 ** (this.registers[NAU7802_CTRL1]! & 0x07);
      const counts = Math.max(-(2 ** 23), Math.min(2 ** 23 - 1, Math.round(((this.volts(this.conversions++) * gain) / (0.5 * NAU7802_VREF)) * 2 ** 23)));
      const raw = counts & 0xffffff;
      this.registers.set([raw >> 16, (raw >> 8) & 0xff, raw & 0xff], NAU7802_ADCO_B2);
      this.registers[NAU7802_PU_CTRL] = this.registers[NAU7802_PU_CTRL]! | (1 << PU_CTRL_CR);
    }
    if (register === NAU7802_ADCO_B2) {
      this.registers[NAU7802_PU_CTRL] = this.registers[NAU7802_PU_CTRL]! & ~(1 << PU_CTRL_CR);
      this.converting = true;
    }
  }
}
