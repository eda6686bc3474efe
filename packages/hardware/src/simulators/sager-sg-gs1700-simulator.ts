import { AIBUS_READ, AIBUS_WRITE, aibusAnswer } from '../drivers/aibus.js';
import type { SerialDeviceModel } from '../serial/serial-device-model.js';

/**
 * A simulated Sager SG-GS1700 furnace controller for
 * {@link SagerSG_GS1700}: answers AIBUS requests at its address with its
 * process value and set value; the process value follows the set value by
 * one tenth of a degree per request. Parameters written are in `params`.
 */
export class SagerSG_GS1700Simulator implements SerialDeviceModel {
  /** Parameters written, by number. */
  readonly params = new Map<number, number>();
  /** Process value, tenths of °C. */
  pv: number;
  /** Set value, tenths of °C. */
  sv: number;
  /** When true, answers carry a wrong checksum (a corrupted line). */
  corrupt = false;
  private pending: number[] = [];

  /** @param address its AIBUS address */
  constructor(
    private readonly address = 0x0a,
    startTemperature = 20,
  ) {
    this.pv = Math.round(startTemperature * 10);
    this.sv = this.pv;
  }

  receive(bytes: Uint8Array, reply: (bytes: Uint8Array) => void): void {
    this.pending.push(...bytes);
    while (this.pending.length >= 8) {
      const start = this.pending.findIndex((byte, i) => byte === 0x8a && this.pending[i + 1] === 0x8a);
      if (start < 0) {
        this.pending = [];
        return;
      }
      if (this.pending.length - start < 8) return;
      const frame = this.pending.slice(start, start + 8);
      this.pending = this.pending.slice(start + 8);
      const [, , command, param, lo, hi, sumLo, sumHi] = frame as [number, number, number, number, number, number, number, number];
      const value = lo | (hi << 8);
      if ((((param << 8) + command + value + this.address) & 0xffff) !== (sumLo | (sumHi << 8))) continue;
      if (command === AIBUS_WRITE) {
        this.params.set(param, value);
        if (param === 0x1a) this.sv = value;
      } else if (command !== AIBUS_READ) continue;
      this.pv += Math.sign(this.sv - this.pv);
      const answer = aibusAnswer({ pv: this.pv, sv: this.sv, mv: 0, alarm: 0, value: command === AIBUS_WRITE ? value : (this.params.get(param) ?? 0) }, this.address);
      if (this.corrupt) answer[8] = answer[8]! ^ 0xff;
      reply(answer);
    }
  }
}
