import type { DataLists } from '../block/block.js';
import { checkOptions, optionalNumber, requiredNumber } from '../options/index.js';
import type { Condition, ConditionSpec } from './condition.js';
import { Path } from './path.js';

/** Options of {@link Sine}. */
export interface SineOptions {
  /** When to move on to the next Path; `null` never. */
  condition: ConditionSpec;
  /** Frequency, in Hz. */
  freq: number;
  /** Amplitude, **peak to peak** (the signal spans `offset ± amplitude / 2`). */
  amplitude: number;
  /** Mean value (default 0). */
  offset?: number;
  /** Phase, in radians, subtracted from the angle (default 0). */
  phase?: number;
}

/** A sine wave, `sin(2π·freq·(t − t0) − phase) · amplitude / 2 + offset`, until its condition holds. */
export class Sine extends Path {
  static {
    Path.classes.register(this);
  }

  /** Frequency, in Hz. */
  readonly freq: number;
  /** Amplitude, peak to peak. */
  readonly amplitude: number;
  /** Mean value. */
  readonly offset: number;
  /** Phase, in radians. */
  readonly phase: number;
  private readonly stopWhen: Condition;

  /** @throws TypeError for a missing condition, freq or amplitude, or an option of the wrong type */
  constructor(options: SineOptions) {
    super();
    const raw = checkOptions(options, ['condition', 'freq', 'amplitude', 'offset', 'phase'], 'Sine');
    this.stopWhen = this.condition(raw.condition as ConditionSpec | undefined, 'condition');
    this.freq = requiredNumber(raw, 'freq', 'Sine');
    this.amplitude = requiredNumber(raw, 'amplitude', 'Sine');
    this.offset = optionalNumber(raw, 'offset', 0, 'Sine');
    this.phase = optionalNumber(raw, 'phase', 0, 'Sine');
  }

  /** The value of the sine now, or the end of the Path once the condition holds. */
  getCmd(data: DataLists): number {
    if (this.stopWhen.test(data)) this.end();
    return Math.sin(2 * Math.PI * this.freq * this.elapsed() - this.phase) * (this.amplitude / 2) + this.offset;
  }
}
