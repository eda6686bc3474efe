import { optionalNumber } from '../options/index.js';

/**
 * How many phases (half cycles) a cyclic Path runs: `trunc(2 × cycles)`,
 * or `Infinity` when `cycles` ≤ 0 (the Path never ends).
 * @param owner the Path's class name, for error messages
 * @throws TypeError when `cycles` is not a number
 */
export function phaseCount(owner: string, raw: { cycles?: unknown }): number {
  const cycles = optionalNumber(raw, 'cycles', 1, owner);
  return cycles > 0 ? Math.trunc(2 * cycles) : Infinity;
}
