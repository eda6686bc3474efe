import type { I2cDeviceModel } from './i2c-device-model.js';
import type { I2cTransport } from './i2c-transport.js';

/** The error of a transfer to an address where no device answers, as Linux gives it. */
function noDevice(bus: number, address: number): Error {
  return Object.assign(new Error(`EREMOTEIO: remote I/O error: no device answers at 0x${address.toString(16).padStart(2, '0')} on I2C bus ${bus}`), {
    code: 'EREMOTEIO',
    errno: -121,
  });
}

/**
 * An I2C bus without hardware: SMBus and plain I2C calls become writes and
 * reads of the simulated devices ({@link I2cDeviceModel}) at their
 * addresses; an address without a device fails as on a real bus.
 */
export class FakeI2cBus implements I2cTransport {
  private readonly devices = new Map<number, I2cDeviceModel>();

  /**
   * @param bus the bus number, for error messages
   * @param devices the devices on the bus
   * @throws RangeError when two devices share an address
   */
  constructor(
    private readonly bus: number,
    devices: I2cDeviceModel[],
  ) {
    for (const device of devices) {
      if (this.devices.has(device.address)) throw new RangeError(`two simulated devices at address 0x${device.address.toString(16)} on I2C bus ${bus}`);
      this.devices.set(device.address, device);
    }
  }

  private device(address: number): I2cDeviceModel {
    const device = this.devices.get(address);
    if (device === undefined) throw noDevice(this.bus, address);
    return device;
  }

  async i2cRead(address: number, length: number, buffer: Buffer): Promise<{ bytesRead: number; buffer: Buffer }> {
    buffer.set(this.device(address).read(length));
    return { bytesRead: length, buffer };
  }

  async i2cWrite(address: number, length: number, buffer: Buffer): Promise<{ bytesWritten: number; buffer: Buffer }> {
    this.device(address).write(new Uint8Array(buffer.subarray(0, length)));
    return { bytesWritten: length, buffer };
  }

  async readByte(address: number, command: number): Promise<number> {
    const device = this.device(address);
    device.write(Uint8Array.of(command));
    return device.read(1)[0]!;
  }

  async readWord(address: number, command: number): Promise<number> {
    const device = this.device(address);
    device.write(Uint8Array.of(command));
    const bytes = device.read(2);
    return bytes[0]! | (bytes[1]! << 8);
  }

  async readI2cBlock(address: number, command: number, length: number, buffer: Buffer): Promise<{ bytesRead: number; buffer: Buffer }> {
    const device = this.device(address);
    device.write(Uint8Array.of(command));
    buffer.set(device.read(length));
    return { bytesRead: length, buffer };
  }

  async receiveByte(address: number): Promise<number> {
    return this.device(address).read(1)[0]!;
  }

  async sendByte(address: number, byte: number): Promise<void> {
    this.device(address).write(Uint8Array.of(byte));
  }

  async writeByte(address: number, command: number, byte: number): Promise<void> {
    this.device(address).write(Uint8Array.of(command, byte));
  }

  async writeWord(address: number, command: number, word: number): Promise<void> {
    this.device(address).write(Uint8Array.of(command, word & 0xff, (word >> 8) & 0xff));
  }

  async writeQuick(address: number, bit: number): Promise<void> {
    void bit;
    this.device(address);
  }

  async writeI2cBlock(address: number, command: number, length: number, buffer: Buffer): Promise<{ bytesWritten: number; buffer: Buffer }> {
    this.device(address).write(Uint8Array.of(command, ...buffer.subarray(0, length)));
    return { bytesWritten: length, buffer };
  }

  async scan(startAddress = 0x03, endAddress = 0x77): Promise<number[]> {
    return [...this.devices.keys()].filter((address) => address >= startAddress && address <= endAddress).sort((a, b) => a - b);
  }

  async close(): Promise<void> {}
}
