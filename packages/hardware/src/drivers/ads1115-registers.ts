/**
 * The registers and configuration bits of the TI ADS1115 16-bit ADC, as the
 * original's crappy/inout/ads1115.py uses them.
 */

/** Register pointers. */
export const ADS1115_CONVERSION = 0x00;
export const ADS1115_CONFIG = 0x01;
export const ADS1115_LO_THRESH = 0x02;
export const ADS1115_HI_THRESH = 0x03;

/** Input multiplexer bits, by input. */
export const ADS1115_MUX = {
  'A0 - A1': 0x0000,
  'A0 - A3': 0x1000,
  'A1 - A3': 0x2000,
  'A2 - A3': 0x3000,
  A0: 0x4000,
  A1: 0x5000,
  A2: 0x6000,
  A3: 0x7000,
} as const;

/** Programmable gain bits, by full-scale range (V). */
export const ADS1115_RANGE: ReadonlyMap<number, number> = new Map([
  [0.256, 0x0a00],
  [0.512, 0x0800],
  [1.024, 0x0600],
  [2.048, 0x0400],
  [4.096, 0x0200],
  [6.144, 0x0000],
]);

/** Data rate bits, by samples per second. */
export const ADS1115_RATE: ReadonlyMap<number, number> = new Map([
  [8, 0x0000],
  [16, 0x0020],
  [32, 0x0040],
  [64, 0x0060],
  [128, 0x0080],
  [250, 0x00a0],
  [475, 0x00c0],
  [860, 0x00e0],
]);

/** Single-shot mode bit. */
export const ADS1115_SINGLE_SHOT = 0x0100;
/** Comparator disabled (ALERT/RDY pin unused). */
export const ADS1115_COMPARATOR_OFF = 0x0003;
/** Operational status bit: write 1 starts a conversion; reads 1 when none is under way. */
export const ADS1115_OS = 0x8000;

/** An input of the multiplexer. */
export type Ads1115Input = keyof typeof ADS1115_MUX;
