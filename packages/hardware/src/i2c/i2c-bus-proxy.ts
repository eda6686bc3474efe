import type { HubClient } from '../hub/client.js';
import { hubClient } from '../hub/current-client.js';


/**
 * An I2C bus opened in the hardware hub, with i2c-bus's method names: each
 * in a Promise form and a `*Sync` form (which sleeps on the thread's sync
 * slot while the hub makes the call). Calls of several Blocks on one bus
 * are made one after the other by the hub. Errors name the bus and the
 * device address.
 */
export class I2cBusProxy {
  private closed = false;

  private constructor(
    private readonly client: HubClient,
    private readonly handle: number,
    /** The bus number (`/dev/i2c-N`). */
    readonly busNumber: number,
  ) {}

  /** Opens bus `busNumber` in the hub (like i2c-bus's `openPromisified`). */
  static async open(busNumber: number): Promise<I2cBusProxy> {
    const client = hubClient();
    return new I2cBusProxy(client, (await client.call('i2c', 'open', [busNumber])) as number, busNumber);
  }

  /** Opens bus `busNumber` in the hub and waits for it (like i2c-bus's `openSync`). */
  static openSync(busNumber: number): I2cBusProxy {
    const client = hubClient();
    return new I2cBusProxy(client, client.callSync('i2c', 'open', [busNumber]) as number, busNumber);
  }

  /** Reads a byte from register `command` of the device at `address`. */
  readByte(address: number, command: number): Promise<number> {
    return this.call('readByte', [address, command]) as Promise<number>;
  }
  /** {@link I2cBusProxy.readByte}, waiting. */
  readByteSync(address: number, command: number): number {
    return this.callSync('readByte', [address, command]) as number;
  }
  /** Reads a 16-bit word (SMBus order: low byte first) from register `command`. */
  readWord(address: number, command: number): Promise<number> {
    return this.call('readWord', [address, command]) as Promise<number>;
  }
  /** {@link I2cBusProxy.readWord}, waiting. */
  readWordSync(address: number, command: number): number {
    return this.callSync('readWord', [address, command]) as number;
  }
  /** Reads `length` bytes from register `command` into `buffer`. */
  async readI2cBlock(address: number, command: number, length: number, buffer: Buffer): Promise<{ bytesRead: number; buffer: Buffer }> {
    return fill(buffer, (await this.call('readI2cBlock', [address, command, length])) as Uint8Array);
  }
  /** {@link I2cBusProxy.readI2cBlock}, waiting; returns the number of bytes read. */
  readI2cBlockSync(address: number, command: number, length: number, buffer: Buffer): number {
    return fill(buffer, this.callSync('readI2cBlock', [address, command, length]) as Uint8Array).bytesRead;
  }
  /** Reads a byte without a register (SMBus receive byte). */
  receiveByte(address: number): Promise<number> {
    return this.call('receiveByte', [address]) as Promise<number>;
  }
  /** {@link I2cBusProxy.receiveByte}, waiting. */
  receiveByteSync(address: number): number {
    return this.callSync('receiveByte', [address]) as number;
  }
  /** Sends a byte without a register (SMBus send byte). */
  async sendByte(address: number, byte: number): Promise<void> {
    await this.call('sendByte', [address, byte]);
  }
  /** {@link I2cBusProxy.sendByte}, waiting. */
  sendByteSync(address: number, byte: number): void {
    this.callSync('sendByte', [address, byte]);
  }
  /** Writes a byte to register `command`. */
  async writeByte(address: number, command: number, byte: number): Promise<void> {
    await this.call('writeByte', [address, command, byte]);
  }
  /** {@link I2cBusProxy.writeByte}, waiting. */
  writeByteSync(address: number, command: number, byte: number): void {
    this.callSync('writeByte', [address, command, byte]);
  }
  /** Writes a 16-bit word (low byte first) to register `command`. */
  async writeWord(address: number, command: number, word: number): Promise<void> {
    await this.call('writeWord', [address, command, word]);
  }
  /** {@link I2cBusProxy.writeWord}, waiting. */
  writeWordSync(address: number, command: number, word: number): void {
    this.callSync('writeWord', [address, command, word]);
  }
  /** Writes the first `length` bytes of `buffer` from register `command`. */
  async writeI2cBlock(address: number, command: number, length: number, buffer: Buffer): Promise<{ bytesWritten: number; buffer: Buffer }> {
    const bytesWritten = (await this.call('writeI2cBlock', [address, command, new Uint8Array(buffer.subarray(0, length))])) as number;
    return { bytesWritten, buffer };
  }
  /** {@link I2cBusProxy.writeI2cBlock}, waiting; returns the number of bytes written. */
  writeI2cBlockSync(address: number, command: number, length: number, buffer: Buffer): number {
    return this.callSync('writeI2cBlock', [address, command, new Uint8Array(buffer.subarray(0, length))]) as number;
  }
  /** Reads `length` bytes, without a register, into `buffer` (plain I2C read). */
  async i2cRead(address: number, length: number, buffer: Buffer): Promise<{ bytesRead: number; buffer: Buffer }> {
    return fill(buffer, (await this.call('i2cRead', [address, length])) as Uint8Array);
  }
  /** {@link I2cBusProxy.i2cRead}, waiting; returns the number of bytes read. */
  i2cReadSync(address: number, length: number, buffer: Buffer): number {
    return fill(buffer, this.callSync('i2cRead', [address, length]) as Uint8Array).bytesRead;
  }
  /** Writes the first `length` bytes of `buffer` (plain I2C write). */
  async i2cWrite(address: number, length: number, buffer: Buffer): Promise<{ bytesWritten: number; buffer: Buffer }> {
    const bytesWritten = (await this.call('i2cWrite', [address, new Uint8Array(buffer.subarray(0, length))])) as number;
    return { bytesWritten, buffer };
  }
  /** {@link I2cBusProxy.i2cWrite}, waiting; returns the number of bytes written. */
  i2cWriteSync(address: number, length: number, buffer: Buffer): number {
    return this.callSync('i2cWrite', [address, new Uint8Array(buffer.subarray(0, length))]) as number;
  }
  /** The addresses (from `startAddress` to `endAddress`) where a device answers. */
  scan(startAddress = 0x03, endAddress = 0x77): Promise<number[]> {
    return this.call('scan', [startAddress, endAddress]) as Promise<number[]>;
  }
  /** {@link I2cBusProxy.scan}, waiting. */
  scanSync(startAddress = 0x03, endAddress = 0x77): number[] {
    return this.callSync('scan', [startAddress, endAddress]) as number[];
  }

  /** Releases the bus (the hub closes it once no Block uses it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.call('i2c', 'close', [this.handle]);
  }
  /** {@link I2cBusProxy.close}, waiting. */
  closeSync(): void {
    if (this.closed) return;
    this.closed = true;
    this.client.callSync('i2c', 'close', [this.handle]);
  }

  private call(method: string, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error(`I2C bus ${this.busNumber}: ${method}() after close()`));
    return this.client.call('i2c', 'call', [this.handle, method, args]);
  }

  private callSync(method: string, args: unknown[]): unknown {
    if (this.closed) throw new Error(`I2C bus ${this.busNumber}: ${method}Sync() after close()`);
    return this.client.callSync('i2c', 'call', [this.handle, method, args]);
  }
}

/** Copies the bytes the hub read into the caller's buffer. */
function fill(buffer: Buffer, bytes: Uint8Array): { bytesRead: number; buffer: Buffer } {
  buffer.set(bytes);
  return { bytesRead: bytes.length, buffer };
}
