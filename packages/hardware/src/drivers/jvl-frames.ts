/**
 * The frames of JVL MAC servomotors' serial protocol, as the original's
 * crappy/actuator/jvl_mac_140.py builds them: every byte of a value is
 * followed by its complement (`b, b ^ 0xFF`), little-endian.
 */

/** Start of a register write. */
export const JVL_WRITE_HEADER = Uint8Array.of(0x52, 0x52, 0x52, 0xff, 0x00);
/** Start of a register read request. */
export const JVL_READ_HEADER = Uint8Array.of(0x50, 0x50, 0x50, 0xff, 0x00);
/** Start of the motor's answer to a read request. */
export const JVL_ANSWER_HEADER = Uint8Array.of(0x11, 0x11, 0x11, 0xff, 0x00);
/** End of a frame. */
export const JVL_END = Uint8Array.of(0xaa, 0xaa);
/** Bytes of the answer to a 4-byte register read. */
export const JVL_ANSWER_LENGTH = 19;

/** The size of each struct format the original uses: `B` (uint8), `h` (int16), `i` (int32). */
export type JvlFormat = 'B' | 'h' | 'i';
const SIZES: Record<JvlFormat, number> = { B: 1, h: 2, i: 4 };

/** `value` packed little-endian on the format's size, each byte followed by its complement. */
export function jvlBytes(value: number, format: JvlFormat): number[] {
  const out: number[] = [];
  for (let i = 0; i < SIZES[format]; i++) {
    const byte = Number((BigInt.asUintN(8 * SIZES[format], BigInt(value)) >> BigInt(8 * i)) & 0xffn);
    out.push(byte, byte ^ 0xff);
  }
  return out;
}

/**
 * A register write followed by the read request of the same register:
 * `52 52 52 FF 00 reg len value AA AA 50 50 50 FF 00 reg AA AA` (then `+`
 * when more frames follow).
 */
export function jvlCommand(register: number, length: number, value: number, format: JvlFormat, last: boolean): number[] {
  return [
    ...JVL_WRITE_HEADER,
    ...jvlBytes(register, 'B'),
    ...jvlBytes(length, 'B'),
    ...jvlBytes(value, format),
    ...JVL_END,
    ...JVL_READ_HEADER,
    ...jvlBytes(register, 'B'),
    ...JVL_END,
    ...(last ? [] : [0x2b]),
  ];
}

/** A read request of `register`: `50 50 50 FF 00 reg AA AA`. */
export function jvlReadRequest(register: number): number[] {
  return [...JVL_READ_HEADER, ...jvlBytes(register, 'B'), ...JVL_END];
}

/** The int32 value of a 19-byte answer (its data bytes at 9, 11, 13, 15), `null` when the frame is malformed. */
export function jvlAnswerValue(answer: Uint8Array): number | null {
  if (answer.length !== JVL_ANSWER_LENGTH || !JVL_ANSWER_HEADER.every((byte, i) => answer[i] === byte)) return null;
  for (let i = 5; i < 17; i += 2) if ((answer[i]! ^ 0xff) !== answer[i + 1]) return null;
  return new DataView(Uint8Array.of(answer[9]!, answer[11]!, answer[13]!, answer[15]!).buffer).getInt32(0, true);
}
