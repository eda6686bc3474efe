/**
 * The `nPoints` option of the Modifiers that work on a number of messages.
 * @module
 */
import { checkOptions, numberOption, type NumberCheck } from '../options/index.js';

/** An integer ≥ 1, in the words the Modifiers' messages have always used. */
const POSITIVE_INTEGER: NumberCheck = { min: 1, integer: true, expected: 'an integer of at least 1' };

/** Options of {@link Mean}, {@link Median}, {@link MovingAvg}, {@link MovingMed} and {@link DownSampler}. */
export interface NPointsOptions {
  /** How many messages the Modifier works on. */
  nPoints?: number;
}

/**
 * Reads `nPoints`, given alone (`new Mean(10)`) or in an options object
 * (`new Mean({ nPoints: 10 })`).
 * @param owner the class name, for the error message
 * @throws TypeError / RangeError unless it is an integer ≥ 1
 */
export function readNPoints(options: number | NPointsOptions | undefined, fallback: number, owner: string): number {
  const nPoints = typeof options === 'number' ? options : checkOptions(options, ['nPoints'], owner).nPoints;
  return numberOption(nPoints, fallback, owner, 'nPoints', POSITIVE_INTEGER);
}
