/** One SPI message, as spi-device takes it (buffers as bytes when they cross threads). */
export interface SpiMessage {
  /** Bytes to send (zeros when absent). */
  sendBuffer?: Uint8Array;
  /** Where the received bytes go (filled by the transfer when given). */
  receiveBuffer?: Uint8Array;
  /** Number of bytes of the message. */
  byteLength: number;
  /** Clock speed for this message (Hz). */
  speedHz?: number;
  /** Microseconds to wait after this message. */
  microSecondDelay?: number;
  /** Release the chip select after this message. */
  chipSelectChange?: boolean;
}

/** Options of an SPI device, as spi-device's `open()` takes them. */
export interface SpiOptions {
  /** SPI mode 0 to 3. */
  mode?: number;
  /** Default clock speed (Hz). */
  maxSpeedHz?: number;
  /** Least significant bit first. */
  lsbFirst?: boolean;
  /** Do not drive the chip select. */
  noChipSelect?: boolean;
}
