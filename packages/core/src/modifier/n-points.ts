/**
 * The `nPoints` option of the Modifiers that work on a number of messages.
 * @module
 */
import { checkOptions, checkPositiveInteger } from '../option-checks.js';

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
  if (typeof options === 'number') return checkPositiveInteger(options, owner, 'nPoints');
  const { nPoints = fallback } = checkOptions(options, ['nPoints'], owner);
  return checkPositiveInteger(nPoints, owner, 'nPoints');
}
