import type { DataLists } from '../block/block.js';
import { checkOptions, requiredNumber } from '../options/index.js';
import type { Condition, ConditionSpec } from './condition.js';
import { phaseCount } from './cycles.js';
import { Path } from './path.js';

/** Options of {@link Cyclic}. */
export interface CyclicOptions {
  /** Ends a phase sending `value1` (the next phase sends `value2`). */
  condition1: ConditionSpec;
  /** Ends a phase sending `value2` (the next phase sends `value1`). */
  condition2: ConditionSpec;
  /** The value of the first phase of each cycle. */
  value1: number;
  /** The value of the second phase of each cycle. */
  value2: number;
  /** Number of cycles; halves count (1.5 is value1, value2, value1); ≤ 0 cycles forever. Default 1. */
  cycles?: number;
}

/**
 * Alternates between two constant values: `value1` until `condition1`
 * holds, then `value2` until `condition2` holds, and so on for `cycles`
 * cycles. Each switch restarts {@link Path.t0}, so `delay=x` conditions
 * count from the start of their phase. It is the same as a list of
 * Constant Paths, repeated.
 */
export class Cyclic extends Path {
  static {
    Path.classes.register(this);
  }

  /** Number of phases (half cycles) in all, `Infinity` for endless. */
  readonly phases: number;
  private readonly values: readonly [number, number];
  private readonly conditions: readonly [Condition, Condition];
  /** The current phase, −1 before the first command. */
  private phase = -1;

  /** @throws TypeError for a missing option or an option of the wrong type */
  constructor(options: CyclicOptions) {
    super();
    const raw = checkOptions(options, ['condition1', 'condition2', 'value1', 'value2', 'cycles'], 'Cyclic');
    this.conditions = [
      this.condition(raw.condition1 as ConditionSpec | undefined, 'condition1'),
      this.condition(raw.condition2 as ConditionSpec | undefined, 'condition2'),
    ];
    this.values = [requiredNumber(raw, 'value1', 'Cyclic'), requiredNumber(raw, 'value2', 'Cyclic')];
    this.phases = phaseCount('Cyclic', raw);
  }

  /** The value of the current phase, after switching phase when its condition holds. */
  getCmd(data: DataLists): number {
    if (this.phase < 0) this.nextPhase();
    if (this.conditions[this.phase % 2]!.test(data)) {
      this.t0 = this.clock.time();
      this.nextPhase();
    }
    return this.values[this.phase % 2]!;
  }

  private nextPhase(): void {
    this.phase += 1;
    if (this.phase >= this.phases) this.end();
  }
}
