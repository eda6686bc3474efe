import { createRequire } from 'node:module';
import type { SerialDeviceModel } from '../serial/serial-device-model.js';

const crc16 = createRequire(import.meta.url)('modbus-serial/utils/crc16') as (buffer: Uint8Array) => number;

/** Bytes of a request before its CRC, by function code (16: 7 plus its byte count). */
function requestLength(bytes: number[]): number | null {
  const code = bytes[1];
  if (code === 3 || code === 4 || code === 5 || code === 6) return 6;
  if (code === 16) return bytes.length >= 7 ? 7 + bytes[6]! : null;
  return -1;
}

/**
 * A simulated Modbus RTU device (a slave at `unit`) for the Modbus drivers:
 * holding registers, input registers and coils in maps, functions 3, 4, 5,
 * 6 and 16, answers with their CRC; requests for another unit or with a bad
 * CRC get no answer, as on a real bus. Subclasses react to writes in
 * {@link ModbusRtuSimulator.onWrite}. `corrupt` makes the answers' CRC wrong.
 */
export class ModbusRtuSimulator implements SerialDeviceModel {
  /** Holding registers, by address. */
  readonly holding = new Map<number, number>();
  /** Input registers, by address. */
  readonly input = new Map<number, number>();
  /** Coils, by address. */
  readonly coils = new Map<number, boolean>();
  /** When true, every answer has a wrong CRC. */
  corrupt = false;
  private pending: number[] = [];

  constructor(readonly unit = 1) {}

  receive(bytes: Uint8Array, reply: (bytes: Uint8Array) => void): void {
    this.pending.push(...bytes);
    for (;;) {
      if (this.pending.length < 2) return;
      const length = requestLength(this.pending);
      if (length === -1) {
        this.pending = [];
        return;
      }
      if (length === null || this.pending.length < length + 2) return;
      const frame = this.pending.slice(0, length + 2);
      this.pending = this.pending.slice(length + 2);
      const body = Uint8Array.from(frame.slice(0, length));
      if (crc16(body) !== (frame[length]! | (frame[length + 1]! << 8)) || frame[0] !== this.unit) continue;
      const answer = this.answer(body);
      const crc = crc16(answer) ^ (this.corrupt ? 0xffff : 0);
      reply(Uint8Array.from([...answer, crc & 0xff, crc >> 8]));
    }
  }

  /** Called after a write of holding registers from `address`. */
  protected onWrite(address: number, values: number[]): void {
    void address;
    void values;
  }

  private answer(body: Uint8Array): Uint8Array {
    const view = new DataView(body.buffer);
    const [unit, code] = [body[0]!, body[1]!];
    const address = view.getUint16(2);
    if (code === 3 || code === 4) {
      const count = view.getUint16(4);
      const table = code === 3 ? this.holding : this.input;
      const words = Array.from({ length: count }, (_, i) => table.get(address + i) ?? 0);
      return Uint8Array.from([unit, code, count * 2, ...words.flatMap((word) => [(word >> 8) & 0xff, word & 0xff])]);
    }
    if (code === 5) {
      this.coils.set(address, view.getUint16(4) === 0xff00);
      return body;
    }
    if (code === 6) {
      const value = view.getUint16(4);
      this.holding.set(address, value);
      this.onWrite(address, [value]);
      return body;
    }
    const count = view.getUint16(4);
    const values = Array.from({ length: count }, (_, i) => view.getUint16(7 + 2 * i));
    values.forEach((value, i) => this.holding.set(address + i, value));
    this.onWrite(address, values);
    return body.subarray(0, 6);
  }
}
