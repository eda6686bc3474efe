/**
 * A simulated SPI device on a chip select: each transfer is full duplex,
 * the device answers as many bytes as it receives.
 */
export interface SpiDeviceModel {
  /** One message: the bytes the master sent; returns the bytes the device sent at the same time (same length). */
  transfer(sent: Uint8Array): Uint8Array;
}
