import { JVL_END, JVL_READ_HEADER, JVL_WRITE_HEADER, JVL_ANSWER_HEADER, jvlBytes } from '../drivers/jvl-frames.js';
import type { SerialDeviceModel } from '../serial/serial-device-model.js';

function startsWith(bytes: number[], at: number, prefix: Uint8Array): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

/** Whether what is left from `at` may be the start of `prefix`, the rest still to come. */
function mayStart(bytes: number[], at: number, prefix: Uint8Array): boolean {
  return bytes.length - at < prefix.length && bytes.slice(at).every((byte, i) => prefix[i] === byte);
}

/**
 * A simulated JVL MAC140 servomotor for {@link JVLMac140}: keeps the
 * registers written, moves its actual position (register 10, counts) in
 * real time in velocity mode (register 2 = 1, at register 5 × 520.8/16
 * counts/s) and position mode (2, towards register 3), and answers the
 * read requests that come alone (not those that follow a write). Every
 * mode written is in `modes`.
 */
export class JVLMac140Simulator implements SerialDeviceModel {
  /** The registers, by number. */
  readonly registers = new Map<number, number>();
  /** Every value written to the mode register, in order (0 is the stop). */
  readonly modes: number[] = [];
  private pending: number[] = [];
  private position = 0;
  private since = performance.now();

  /** The actual position now, in counts. */
  positionNow(): number {
    const now = performance.now();
    const dt = (now - this.since) / 1000;
    this.since = now;
    const mode = this.registers.get(2) ?? 0;
    const speed = Math.abs(this.registers.get(5) ?? 0) * (520.8 / 16);
    if (mode === 1) this.position += Math.sign(this.registers.get(5) ?? 0) * speed * dt;
    if (mode === 2) {
      const target = this.registers.get(3) ?? 0;
      const step = Math.min(Math.abs(target - this.position), speed * dt);
      this.position += Math.sign(target - this.position) * step;
    }
    return this.position;
  }

  receive(bytes: Uint8Array, reply: (bytes: Uint8Array) => void): void {
    this.pending.push(...bytes);
    for (;;) {
      const buffer = this.pending;
      if (startsWith(buffer, 0, JVL_WRITE_HEADER)) {
        let end = 9;
        while (end + 1 < buffer.length && !(buffer[end] === 0xaa && buffer[end + 1] === 0xaa)) end += 2;
        if (end + 1 >= buffer.length) return;
        const register = buffer[5]!;
        const data = [];
        for (let i = 9; i < end; i += 2) data.push(buffer[i]!);
        const width = data.length;
        let value = data.reduceRight((sum, byte) => sum * 256 + byte, 0);
        if (value >= 2 ** (8 * width - 1)) value -= 2 ** (8 * width);
        this.positionNow();
        this.registers.set(register, value);
        if (register === 2) this.modes.push(value);
        // The read request that follows a write is not answered here (see the class).
        let next = end + 2;
        if (mayStart(buffer, next, JVL_READ_HEADER) && next < buffer.length) return;
        if (startsWith(buffer, next, JVL_READ_HEADER)) next += JVL_READ_HEADER.length + 2 + JVL_END.length;
        if (buffer[next] === 0x2b) next += 1;
        if (next > buffer.length) return;
        this.pending = buffer.slice(next);
      } else if (startsWith(buffer, 0, JVL_READ_HEADER)) {
        const length = JVL_READ_HEADER.length + 2 + JVL_END.length;
        if (buffer.length < length) return;
        const register = buffer[5]!;
        this.pending = buffer.slice(buffer[length] === 0x2b ? length + 1 : length);
        const value = register === 10 ? Math.round(this.positionNow()) : (this.registers.get(register) ?? 0);
        reply(Uint8Array.from([...JVL_ANSWER_HEADER, ...jvlBytes(register, 'B'), ...jvlBytes(4, 'B'), ...jvlBytes(value, 'i'), ...JVL_END]));
      } else {
        if (mayStart(buffer, 0, JVL_WRITE_HEADER) || mayStart(buffer, 0, JVL_READ_HEADER)) return;
        const start = buffer.findIndex((byte, i) => i > 0 && (byte === 0x52 || byte === 0x50));
        if (buffer.length === 0) return;
        if (start < 0) {
          if (buffer.length >= 5) this.pending = [];
          return;
        }
        this.pending = buffer.slice(start);
      }
    }
  }
}
