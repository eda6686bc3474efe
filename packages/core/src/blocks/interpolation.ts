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
    // Find lo with xp[lo] <= xi < xp[lo + 1]: the last sample at or before xi.
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xp[mid]! <= xi) lo = mid;
      else hi = mid;
    }
    const slope = (fp[hi]! - fp[lo]!) / (xp[hi]! - xp[lo]!);
    return slope * (xi - xp[lo]!) + fp[lo]!;
  });
}
