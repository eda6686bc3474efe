/**
 * The registers and bits of the Nuvoton NAU7802 24-bit load cell ADC, as
 * the original's crappy/inout/nau7802.py uses them.
 */

/** Register addresses. */
export const NAU7802_PU_CTRL = 0x00;
export const NAU7802_CTRL1 = 0x01;
export const NAU7802_CTRL2 = 0x02;
export const NAU7802_ADCO_B2 = 0x12;
export const NAU7802_ADC = 0x15;
export const NAU7802_PGA_PWR = 0x1c;

/** PU_CTRL bits: register reset, digital and analog power-up, power-up ready, cycle ready, AVDD source. */
export const PU_CTRL_RR = 0;
export const PU_CTRL_PUD = 1;
export const PU_CTRL_PUA = 2;
export const PU_CTRL_PUR = 3;
export const PU_CTRL_CR = 5;
export const PU_CTRL_AVDDS = 7;
/** CTRL2 bits: calibration start, calibration error. */
export const CTRL2_CALS = 2;
export const CTRL2_CAL_ERROR = 3;
/** PGA_PWR bit: PGA output capacitor. */
export const PGA_PWR_PGA_CAP_EN = 7;

/** Programmable gain bits, by gain. */
export const NAU7802_GAINS: ReadonlyMap<number, number> = new Map([
  [1, 0b000],
  [2, 0b001],
  [4, 0b010],
  [8, 0b011],
  [16, 0b100],
  [32, 0b101],
  [64, 0b110],
  [128, 0b111],
]);

/** Sample rate bits, by samples per second. */
export const NAU7802_RATES: ReadonlyMap<number, number> = new Map([
  [10, 0b000],
  [20, 0b001],
  [40, 0b010],
  [80, 0b011],
  [320, 0b111],
]);

/** The reference voltage the original's conversion assumes (V). */
export const NAU7802_VREF = 3.3;
