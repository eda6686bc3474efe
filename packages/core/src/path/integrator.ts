import type { DataLists } from '../block/block.js';
import { checkOptions, describe, labelOption, optionalNumber, quoted, requiredNumber } from '../options/index.js';
import type { Condition, ConditionSpec } from './condition.js';
import { Path } from './path.js';

/** Options of {@link Integrator}. */
export interface IntegratorOptions {
  /** When to move on to the next Path; `null` never. */
  condition: ConditionSpec;
  /** The equivalent inertia `m`: the larger, the slower the signal changes. Not 0. */
  inertia: number;
  /** The received label to integrate. */
  funcLabel: string;
  /** The received label holding the time of each value (default `'t(s)'`). */
  timeLabel?: string;
  /** The starting value; by default the previous Path's last command (required for the first Path). */
  initValue?: number | null;
}

/**
 * Integrates a received label over time: `v(t) = v(t0) + ∫ f dt / inertia`,
 * by the trapezoidal rule over the values received at each loop (joined to
 * the last point of the previous batch), until its condition holds.
 */
export class Integrator extends Path {
  static {
    Path.classes.register(this);
  }

  /** The equivalent inertia. */
  readonly inertia: number;
  /** The label integrated. */
  readonly funcLabel: string;
  /** The label of the times. */
  readonly timeLabel: string;
  private readonly stopWhen: Condition;
  private value: number;
  private lastPoint: { t: number; value: number } | null = null;

  /**
   * @throws TypeError for a missing option or an option of the wrong type
   * @throws RangeError for an inertia of 0, or no initValue and no previous command
   */
  constructor(options: IntegratorOptions) {
    super();
    const raw = checkOptions(options, ['condition', 'inertia', 'funcLabel', 'timeLabel', 'initValue'], 'Integrator');
    this.stopWhen = this.condition(raw.condition as ConditionSpec | undefined, 'condition');
    this.inertia = requiredNumber(raw, 'inertia', 'Integrator');
    if (this.inertia === 0) throw new RangeError("Integrator: option 'inertia' must not be 0");
    this.funcLabel = requiredLabel(raw);
    this.timeLabel = labelOption(raw.timeLabel, 't(s)', 'Integrator', quoted('timeLabel'));
    const init = optionalNumber(raw, 'initValue', this.lastCmd, 'Integrator');
    if (init === null) {
      throw new RangeError("Integrator: option 'initValue' is required for the first Path (there is no previous command to start from)");
    }
    this.value = init;
  }

  /**
   * Adds the integral of this loop's values to the signal.
   * @throws RangeError when the loop brought different numbers of times and values
   */
  getCmd(data: DataLists): number {
    if (this.stopWhen.test(data)) this.end();
    const times = data[this.timeLabel];
    const values = data[this.funcLabel];
    if (times === undefined || values === undefined) return this.value;
    if (times.length !== values.length) {
      throw new RangeError(
        `Integrator: received ${values.length} values of '${this.funcLabel}' but ${times.length} of '${this.timeLabel}' in one loop; both labels must come together`,
      );
    }
    const t = times.map(Number);
    const v = values.map(Number);
    if (this.lastPoint !== null) {
      t.unshift(this.lastPoint.t);
      v.unshift(this.lastPoint.value);
    }
    if (t.length > 0) this.lastPoint = { t: t[t.length - 1]!, value: v[v.length - 1]! };
    let area = 0;
    for (let i = 1; i < t.length; i++) area += ((t[i]! - t[i - 1]!) * (v[i]! + v[i - 1]!)) / 2;
    this.value += area / this.inertia;
    return this.value;
  }
}

function requiredLabel(raw: { funcLabel?: unknown }): string {
  const label = raw.funcLabel;
  if (typeof label !== 'string' || label === '') {
    throw new TypeError(`Integrator: option 'funcLabel' is required and must be a non-empty string, got ${describe(label)}`);
  }
  return label;
}
