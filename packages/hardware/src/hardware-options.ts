import type { FakeGpioChip } from './gpio/fake-gpio-chip.js';
import type { I2cDeviceModel } from './i2c/i2c-device-model.js';
import type { SerialDeviceModel } from './serial/serial-device-model.js';
import type { SpiDeviceModel } from './spi/spi-device-model.js';

/**
 * Options of the hardware hub, given as `start({ hardware: {...} })`. Each
 * service talks to the real devices unless its `simulate` option points it
 * at simulated ones (for tests, and to try a script without the hardware).
 */
export interface HardwareOptions {
  /** Serial ports; `simulate` maps a port path to the instrument answering on it (serialport's mock binding). */
  serial?: { simulate?: Record<string, SerialDeviceModel> };
  /** I2C buses; `simulate` maps a bus number to the devices on it (a fake bus). */
  i2c?: { simulate?: Record<number, I2cDeviceModel[]> };
  /** GPIO; `simulate` is a fake GPIO chip used instead of the kernel's. */
  gpio?: { simulate?: FakeGpioChip };
  /** SPI; `simulate` maps `'bus.device'` (e.g. `'0.0'`) to the device on that chip select. */
  spi?: { simulate?: Record<string, SpiDeviceModel> };
}
