import type { DataLists } from '../block/block.js';
import { checkOptions, optionalNumber, requiredNumber } from '../options/index.js';
import type { Condition, ConditionSpec } from './condition.js';
import { Path } from './path.js';

/** Options of {@link Conditional}. */
export interface ConditionalOptions {
  /** When it holds, the Path sends `value1`. */
  condition1: ConditionSpec;
  /** When it holds and `condition1` does not, the Path sends `value2`. */
  condition2: ConditionSpec;
  /** Sent while `condition1` holds. */
  value1: number;
  /** Sent while `condition2` holds and `condition1` does not. */
  value2: number;
  /** Sent while neither holds (default 0). */
  value0?: number;
}

/**
 * Sends one of three values depending on two conditions, tested on each
 * loop's data: `value1` if `condition1` holds, else `value2` if `condition2`
 * holds, else `value0`. A loop that received nothing repeats the previous
 * value (`value0` at first). This Path never ends: use it last, e.g. to keep
 * a heater or a motor within limits.
 */
export class Conditional extends Path {
  static {
    Path.classes.register(this);
  }

  private readonly condition1: Condition;
  private readonly condition2: Condition;
  private readonly values: readonly [number, number, number];
  private previous: number;

  /** @throws TypeError for a missing option or an option of the wrong type */
  constructor(options: ConditionalOptions) {
    super();
    const raw = checkOptions(options, ['condition1', 'condition2', 'value1', 'value2', 'value0'], 'Conditional');
    this.condition1 = this.condition(raw.condition1 as ConditionSpec | undefined, 'condition1');
    this.condition2 = this.condition(raw.condition2 as ConditionSpec | undefined, 'condition2');
    this.values = [
      optionalNumber(raw, 'value0', 0, 'Conditional'),
      requiredNumber(raw, 'value1', 'Conditional'),
      requiredNumber(raw, 'value2', 'Conditional'),
    ];
    this.previous = this.values[0];
  }

  /** `value1`, `value2` or `value0` according to the conditions; the previous one when nothing was received. */
  getCmd(data: DataLists): number {
    if (!Object.values(data).some((values) => values.length > 0)) return this.previous;
    if (this.condition1.test(data)) this.previous = this.values[1];
    else if (this.condition2.test(data)) this.previous = this.values[2];
    else this.previous = this.values[0];
    return this.previous;
  }
}
