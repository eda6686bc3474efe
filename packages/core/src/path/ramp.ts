import type { DataLists } from '../block/block.js';
import { checkOptions, optionalNumber, requiredNumber } from '../options/index.js';
import type { Condition, ConditionSpec } from './condition.js';
import { Path } from './path.js';

/** Options of {@link Ramp}. */
export interface RampOptions {
  /** When to move on to the next Path; `null` never. */
  condition: ConditionSpec;
  /** The slope, in units per second (negative to go down). */
  speed: number;
  /** Where the ramp starts; by default the previous Path's last command (required for the first Path). */
  initValue?: number | null;
}

/** A signal that changes linearly with time, `initValue + speed × (t − t0)`, until its condition holds. */
export class Ramp extends Path {
  static {
    Path.classes.register(this);
  }

  /** The slope, in units per second. */
  readonly speed: number;
  /** The value at the start of the Path. */
  readonly initValue: number;
  private readonly stopWhen: Condition;

  /**
   * @throws TypeError for a missing condition or speed, or an option of the wrong type
   * @throws RangeError when there is no initValue and no previous command
   */
  constructor(options: RampOptions) {
    super();
    const raw = checkOptions(options, ['condition', 'speed', 'initValue'], 'Ramp');
    this.stopWhen = this.condition(raw.condition as ConditionSpec | undefined, 'condition');
    this.speed = requiredNumber(raw, 'speed', 'Ramp');
    const init = optionalNumber(raw, 'initValue', this.lastCmd, 'Ramp');
    if (init === null) throw new RangeError("Ramp: option 'initValue' is required for the first Path (there is no previous command to start from)");
    this.initValue = init;
  }

  /** The value of the ramp now, or the end of the Path once the condition holds. */
  getCmd(data: DataLists): number {
    if (this.stopWhen.test(data)) this.end();
    return this.initValue + this.elapsed() * this.speed;
  }
}
