/**
 * Linear interpolation of sampled values, as numpy's `interp`, for the
 * Multiplexer and the Synchronizer.
 * @module
 */

/**
 * The values of the piecewise-linear function through the points
 * `(xp[i], fp[i])` at each time of `x`; outside `xp`'s range, the first or
 * last value.
 * @param x the times to interpolate at
 * @param xp the sample times, sorted, at least one
 * @param fp the sample values, as many as `xp`
 */
export function interpolate(x: readonly number[], xp: readonly number[], fp: readonly number[]): number[] {
  const last = xp.length - 1;
  return x.map((xi) => {
    if (xi < xp[0]!) return fp[0]!;
    if (xi >= xp[last]!) return fp[last]!;
    const lo = bracket(xp, xi);
    const hi = lo + 1;
    const slope = (fp[hi]! - fp[lo]!) / (xp[hi]! - xp[lo]!);
    return slope * (xi - xp[lo]!) + fp[lo]!;
  });
}

/**
 * The index `lo` of the last sample at or before `x`, by bisection: `xp[lo] <= x < xp[lo + 1]`.
 * @param xp the sample times, sorted, at least two
 * @param x a time with `xp[0] <= x <= xp[xp.length - 1]` (at the last time, `lo` is the one before it)
 */
export function bracket(xp: readonly number[], x: number): number {
  let lo = 0;
  let hi = xp.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xp[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}
