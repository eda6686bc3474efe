import { optionalNumber, type RawOptions } from './options.js';

/**
 * How many phases (half cycles) a cyclic Path runs: `trunc(2 × cycles)`,
 * or `Infinity` when `cycles` ≤ 0 (the Path never ends).
 * @param owner the Path's class name, for error messages
 * @throws TypeError when `cycles` is not a number
 */
export function phaseCount(owner: string, raw: RawOptions): number {
  const cycles = optionalNumber(owner, raw, 'cycles', 1);
  return cycles > 0 ? Math.trunc(2 * cycles) : Infinity;
}
