import { HPA_PER_PSI, MPRLS_BUSY, MPRLS_COUNTS_MAX, MPRLS_COUNTS_MIN, MPRLS_MEMORY_ERROR } from '../drivers/mprls.js';
import type { I2cDeviceModel } from '../i2c/i2c-device-model.js';

/**
 * A simulated MPRLS for {@link MPRLS}: `AA 00 00` starts a measurement of
 * `pressure(n)` hPa (0 to 25 psi), busy for the next status read; reads
 * return the status byte then the 24-bit counts. `memoryError` sets the
 * status's memory error bit.
 */
export class MPRLSSimulator implements I2cDeviceModel {
  /** Measurements started. */
  measurements = 0;
  /** When true, the status reports a memory error. */
  memoryError = false;
  private counts = 0;
  private busyReads = 0;

  /** @param pressure the pressure (hPa) of the n-th measurement */
  constructor(
    readonly address = 0x18,
    private readonly pressure: (n: number) => number = () => 1013.25,
  ) {}

  write(bytes: Uint8Array): void {
    if (bytes[0] !== 0xaa) return;
    const psi = this.pressure(this.measurements++) / HPA_PER_PSI;
    this.counts = Math.round((psi / 25) * (MPRLS_COUNTS_MAX - MPRLS_COUNTS_MIN) + MPRLS_COUNTS_MIN);
    this.busyReads = 1;
  }

  read(length: number): Uint8Array {
    let status = 0x40 | (this.memoryError ? MPRLS_MEMORY_ERROR : 0);
    if (this.busyReads > 0 && length === 1) {
      this.busyReads -= 1;
      status |= MPRLS_BUSY;
    }
    return Uint8Array.of(status, (this.counts >> 16) & 0xff, (this.counts >> 8) & 0xff, this.counts & 0xff).subarray(0, length);
  }
}
