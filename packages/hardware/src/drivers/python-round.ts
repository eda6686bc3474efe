/**
 * Rounds as Python's `round()` does: halves go to the even neighbour
 * (`round(2.5) == 2`), so that the commands computed from a value are the
 * original's to the unit.
 */
export function pythonRound(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
