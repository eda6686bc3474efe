import { describe } from '../options/index.js';
import { parseCondition, type Condition, type ConditionFunction } from './condition.js';

/**
 * One criterion of a StopBlock or a Pause: a condition string (where
 * `'t(s)'` means the time since the run's `t0`) or a function of the
 * received data.
 */
export type Criterion = string | ConditionFunction;

/**
 * Parses the criteria of a StopBlock or a Pause, once.
 * @param owner the Block class, for error messages
 * @param elapsed seconds since the run's `t0`
 * @throws TypeError for a criterion that is not a string or a function
 * @throws RangeError for an empty list
 * @throws ConditionSyntaxError for a malformed string
 */
export function parseCriteria(owner: string, criteria: unknown, elapsed: () => number): Condition[] {
  const list: unknown[] = Array.isArray(criteria) ? criteria : [criteria];
  if (list.length === 0) throw new RangeError(`${owner}: criteria must hold at least one criterion`);
  return list.map((criterion, i) => {
    const where = Array.isArray(criteria) ? `${owner}: criterion ${i}` : `${owner}: criterion`;
    if (typeof criterion !== 'string' && typeof criterion !== 'function') {
      throw new TypeError(`${where} must be a string or a function, got ${describe(criterion)}`);
    }
    return parseCondition(criterion as Criterion, { owner: where, elapsed, elapsedLabel: 't(s)' });
  });
}
