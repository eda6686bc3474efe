import { Block } from '../block/block.js';
import { LogLevel } from '../logging/levels.js';
import type { Condition } from '../path/condition.js';
import { parseCriteria, type Criterion } from '../path/criteria.js';
import { checkOptions, quoted } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS } from '../options/standard.js';

/** Options of {@link StopBlock}. */
export interface StopBlockOptions {
  /** Loops per second (default 30); `null` loops as fast as possible. */
  freq?: number | null;
  /** Log the loops per second every 2 s (default false). */
  displayFreq?: boolean;
  /** `true`: DEBUG logs; `false` (default): INFO and above; `null`: CRITICAL only. */
  debug?: boolean | null;
}

/**
 * Stops the whole run, cleanly, as soon as one of its criteria holds on the
 * data received during a loop: e.g. `'F(N)>5000'` (any received value of
 * `F(N)` above 5000), `'Exx(%)>=20 || F(N)<-10'`, `'t(s)>600'` (600 s after
 * the run's start, checked even when no data arrives), or a function of the
 * received `{label: [values]}`. It is not paused by a Pause Block.
 *
 * @example
 * ```ts
 * const stop = new crappy.blocks.StopBlock(['F(N)>5000', 't(s)>600']);
 * crappy.link(machine, stop);
 * ```
 */
export class StopBlock extends Block {
  /** The criteria, parsed. */
  readonly criteria: readonly Condition[];

  /**
   * @param criteria one criterion or a list of them (see {@link Criterion})
   * @throws TypeError / RangeError naming the option, or ConditionSyntaxError for a malformed criterion
   */
  constructor(criteria: Criterion | readonly Criterion[], options: StopBlockOptions = {}) {
    super();
    applyStandardOptions(this, checkOptions(options, STANDARD_OPTIONS, 'StopBlock'), 30, 'StopBlock', quoted);
    this.pausable = false;
    this.criteria = parseCriteria('StopBlock', criteria, () => this.clock.time() - this.t0);
  }

  /** Stops the run if any criterion holds on this loop's data (even when nothing was received). */
  override loop(): void {
    const data = this.recvAllData();
    const met = this.criteria.find((criterion) => criterion.test(data));
    if (met === undefined) return;
    this.log(LogLevel.WARNING, `Stop criterion '${met.text}' reached, stopping all the Blocks`);
    this.stop();
  }
}
