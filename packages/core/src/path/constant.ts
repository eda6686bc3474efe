import type { DataLists } from '../block/block.js';
import { checkOptions, optionalNumber } from '../options/index.js';
import type { Condition, ConditionSpec } from './condition.js';
import { Path } from './path.js';

/** Options of {@link Constant}. */
export interface ConstantOptions {
  /** When to move on to the next Path; `null` never. */
  condition: ConditionSpec;
  /** The value to send; by default the previous Path's last command (required for the first Path). */
  value?: number | null;
}

/** Sends one value until its condition holds. */
export class Constant extends Path {
  static {
    Path.classes.register(this);
  }

  /** The value sent. */
  readonly value: number;
  private readonly stopWhen: Condition;

  /**
   * @throws TypeError for a missing condition or a value that is not a number
   * @throws RangeError when there is no value and no previous command
   */
  constructor(options: ConstantOptions) {
    super();
    const raw = checkOptions(options, ['condition', 'value'], 'Constant');
    this.stopWhen = this.condition(raw.condition as ConditionSpec | undefined, 'condition');
    const value = optionalNumber(raw, 'value', this.lastCmd, 'Constant');
    if (value === null) throw new RangeError("Constant: option 'value' is required for the first Path (there is no previous command to hold)");
    this.value = value;
  }

  /** The value, or the end of the Path once the condition holds. */
  getCmd(data: DataLists): number {
    if (this.stopWhen.test(data)) this.end();
    return this.value;
  }
}
