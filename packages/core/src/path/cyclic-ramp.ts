import type { DataLists } from '../block/block.js';
import { checkOptions, optionalNumber, requiredNumber } from '../options/index.js';
import type { Condition, ConditionSpec } from './condition.js';
import { phaseCount } from './cycles.js';
import { Path } from './path.js';

/** Options of {@link CyclicRamp}. */
export interface CyclicRampOptions {
  /** Ends a phase ramping at `speed1` (the next phase ramps at `speed2`). */
  condition1: ConditionSpec;
  /** Ends a phase ramping at `speed2` (the next phase ramps at `speed1`). */
  condition2: ConditionSpec;
  /** Slope of the first phase of each cycle, in units per second. */
  speed1: number;
  /** Slope of the second phase of each cycle, in units per second. */
  speed2: number;
  /** Number of cycles; halves count; ≤ 0 cycles forever. Default 1. */
  cycles?: number;
  /** Where the first ramp starts; by default the previous Path's last command (required for the first Path). */
  initValue?: number | null;
}

/**
 * Alternates between two ramps: at `speed1` until `condition1` holds, then
 * at `speed2` from where the first one stopped until `condition2` holds,
 * and so on for `cycles` cycles. Each switch restarts {@link Path.t0}. It is
 * the same as a list of Ramp Paths, repeated.
 */
export class CyclicRamp extends Path {
  static {
    Path.classes.register(this);
  }

  /** Number of phases (half cycles) in all, `Infinity` for endless. */
  readonly phases: number;
  private readonly speeds: readonly [number, number];
  private readonly conditions: readonly [Condition, Condition];
  /** The value where the current phase started. */
  private peak: number;
  /** The current phase, −1 before the first command. */
  private phase = -1;

  /**
   * @throws TypeError for a missing option or an option of the wrong type
   * @throws RangeError when there is no initValue and no previous command
   */
  constructor(options: CyclicRampOptions) {
    super();
    const raw = checkOptions(options, ['condition1', 'condition2', 'speed1', 'speed2', 'cycles', 'initValue'], 'CyclicRamp');
    this.conditions = [
      this.condition(raw.condition1 as ConditionSpec | undefined, 'condition1'),
      this.condition(raw.condition2 as ConditionSpec | undefined, 'condition2'),
    ];
    this.speeds = [requiredNumber(raw, 'speed1', 'CyclicRamp'), requiredNumber(raw, 'speed2', 'CyclicRamp')];
    this.phases = phaseCount('CyclicRamp', raw);
    const init = optionalNumber(raw, 'initValue', this.lastCmd, 'CyclicRamp');
    if (init === null) {
      throw new RangeError("CyclicRamp: option 'initValue' is required for the first Path (there is no previous command to start from)");
    }
    this.peak = init;
  }

  /** The value of the current ramp now, after switching phase when its condition holds. */
  getCmd(data: DataLists): number {
    if (this.phase < 0) this.nextPhase();
    if (this.conditions[this.phase % 2]!.test(data)) {
      const now = this.clock.time();
      this.peak += this.speeds[this.phase % 2]! * (now - this.t0);
      this.t0 = now;
      this.nextPhase();
    }
    return this.peak + this.speeds[this.phase % 2]! * this.elapsed();
  }

  private nextPhase(): void {
    this.phase += 1;
    if (this.phase >= this.phases) this.end();
  }
}
