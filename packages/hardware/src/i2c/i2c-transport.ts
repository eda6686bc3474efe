/**
 * What the hub's I2C service needs of a bus: the calls of i2c-bus's
 * `PromisifiedBus` that the proxy forwards. A real bus (i2c-bus) and the
 * {@link FakeI2cBus} both provide them.
 */
export interface I2cTransport {
  i2cRead(address: number, length: number, buffer: Buffer): Promise<{ bytesRead: number; buffer: Buffer }>;
  i2cWrite(address: number, length: number, buffer: Buffer): Promise<{ bytesWritten: number; buffer: Buffer }>;
  readByte(address: number, command: number): Promise<number>;
  readWord(address: number, command: number): Promise<number>;
  readI2cBlock(address: number, command: number, length: number, buffer: Buffer): Promise<{ bytesRead: number; buffer: Buffer }>;
  receiveByte(address: number): Promise<number>;
  sendByte(address: number, byte: number): Promise<void>;
  writeByte(address: number, command: number, byte: number): Promise<void>;
  writeWord(address: number, command: number, word: number): Promise<void>;
  writeQuick(address: number, bit: number): Promise<void>;
  writeI2cBlock(address: number, command: number, length: number, buffer: Buffer): Promise<{ bytesWritten: number; buffer: Buffer }>;
  scan(startAddress?: number, endAddress?: number): Promise<number[]>;
  close(): Promise<void>;
}
