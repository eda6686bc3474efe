/**
 * A simulated I2C device on a fake bus, at the level of its bus
 * transactions: what the master writes (a register address, then values)
 * and how many bytes it reads. SMBus calls are made of these, as on the wire:
 * `readByte(addr, reg)` is `write([reg])` then `read(1)`.
 */
export interface I2cDeviceModel {
  /** Its 7-bit address on the bus. */
  readonly address: number;
  /** The master wrote `bytes` (the first one is usually a register address). */
  write(bytes: Uint8Array): void;
  /** The master reads `length` bytes. */
  read(length: number): Uint8Array;
}

/**
 * An {@link I2cDeviceModel} made of 8-bit registers: a write sets the
 * register pointer then writes the bytes that follow into consecutive
 * registers; a read returns consecutive registers from the pointer.
 * Subclasses react to writes in {@link RegisterDeviceModel.onWrite} and
 * fill registers before reads in {@link RegisterDeviceModel.beforeRead}.
 */
export class RegisterDeviceModel implements I2cDeviceModel {
  /** The register bank. */
  readonly registers = new Uint8Array(256);
  /** The register the next read or write starts at. */
  pointer = 0;

  constructor(readonly address: number) {}

  /** Sets the pointer to `bytes[0]`, writes the rest from there. */
  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pointer = bytes[0]!;
    const data = bytes.subarray(1);
    data.forEach((value, i) => (this.registers[(this.pointer + i) & 0xff] = value));
    if (data.length > 0) this.onWrite(this.pointer, data);
  }

  /** Returns `length` registers from the pointer. */
  read(length: number): Uint8Array {
    this.beforeRead(this.pointer, length);
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.registers[(this.pointer + i) & 0xff]!;
    return out;
  }

  /** Called after the master wrote `data` from register `register`. */
  protected onWrite(register: number, data: Uint8Array): void {
    void register;
    void data;
  }

  /** Called before the master reads `length` bytes from register `register`. */
  protected beforeRead(register: number, length: number): void {
    void register;
    void length;
  }
}
