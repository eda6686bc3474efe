/**
 * The statistics the averaging Modifiers and the MeanBlock compute over
 * buffered label values.
 * @module
 */

/**
 * The values as numbers, when they all are numbers or booleans (`true`
 * counts 1, as in Python's averaging).
 * @returns `null` when any value is of another kind (a string, an array, null...)
 */
export function asNumbers(values: readonly unknown[]): number[] | null {
  const numbers: number[] = [];
  for (const value of values) {
    if (typeof value === 'number') numbers.push(value);
    else if (typeof value === 'boolean') numbers.push(Number(value));
    else return null;
  }
  return numbers;
}

/** The arithmetic mean of a non-empty list. */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** The median of a non-empty list: the middle value, or the mean of the two middle ones; NaN if any value is NaN. */
export function median(values: readonly number[]): number {
  if (values.some(Number.isNaN)) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Reduces a label's values with `statistic` when they are all numeric, else
 * gives the last value, which is what the averaging Modifiers send for a
 * label that cannot be averaged (text, arrays).
 */
export function reduceOrLast(values: readonly unknown[], statistic: (numbers: readonly number[]) => number): unknown {
  const numbers = asNumbers(values);
  return numbers === null ? values[values.length - 1] : statistic(numbers);
}
