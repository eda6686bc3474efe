/**
 * The AIBUS protocol of Yudian-type temperature controllers (the Sager
 * SG-GS1700 furnace): 8-byte requests, 10-byte answers, both with a 16-bit
 * checksum (see the original's crappy/inout/sager_sg_gs1700.py).
 */

/** Read a parameter. */
export const AIBUS_READ = 0x52;
/** Write a parameter. */
export const AIBUS_WRITE = 0x43;
/** Bytes of an answer: PV, SV (2 each), MV, alarm, parameter value (2), checksum (2). */
export const AIBUS_ANSWER_LENGTH = 10;

/** A request: `8A 8A cmd param value(lo, hi) checksum(lo, hi)`, checksum = param·256 + cmd + value + address. */
export function aibusRequest(address: number, command: number, param: number, value: number): Uint8Array {
  const word = value & 0xffff;
  const checksum = ((param << 8) + command + word + address) & 0xffff;
  return Uint8Array.of(0x8a, 0x8a, command, param, word & 0xff, word >> 8, checksum & 0xff, checksum >> 8);
}

/** An answer, decoded. */
export interface AibusAnswer {
  /** Process value (raw, tenths of °C). */
  pv: number;
  /** Set value (raw, tenths of °C). */
  sv: number;
  /** Output value. */
  mv: number;
  /** Alarm status. */
  alarm: number;
  /** The value of the parameter read or written. */
  value: number;
}

/** The checksum of an answer: PV + SV + (alarm·256 + MV) + value + address, on 16 bits. */
export function aibusAnswerChecksum(answer: AibusAnswer, address: number): number {
  return (answer.pv + answer.sv + ((answer.alarm << 8) + answer.mv) + answer.value + address) & 0xffff;
}

/** Encodes an answer, checksum included. */
export function aibusAnswer(answer: AibusAnswer, address: number): Uint8Array {
  const checksum = aibusAnswerChecksum(answer, address);
  const u16 = (word: number): number[] => [word & 0xff, (word >> 8) & 0xff];
  return Uint8Array.of(...u16(answer.pv), ...u16(answer.sv), answer.mv & 0xff, answer.alarm & 0xff, ...u16(answer.value), ...u16(checksum));
}

/**
 * Decodes an answer.
 * @returns the answer, or `null` when its checksum is wrong
 */
export function parseAibusAnswer(bytes: Uint8Array, address: number): AibusAnswer | null {
  const u16 = (at: number): number => bytes[at]! | (bytes[at + 1]! << 8);
  const answer = { pv: u16(0), sv: u16(2), mv: bytes[4]!, alarm: bytes[5]!, value: u16(6) };
  return aibusAnswerChecksum(answer, address) === u16(8) ? answer : null;
}
