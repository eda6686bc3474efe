import { Block } from '../block/block.js';
import { LogLevel } from '../logging/levels.js';
import type { Condition } from '../path/condition.js';
import { parseCriteria, type Criterion } from '../path/criteria.js';
import { checkOptions, quoted } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS } from '../options/standard.js';

/** Options of {@link Pause}. */
export interface PauseOptions {
  /** Loops per second (default 50); `null` loops as fast as possible. */
  freq?: number | null;
  /** Log the loops per second every 2 s (default false). */
  displayFreq?: boolean;
  /** `true`: DEBUG logs; `false` (default): INFO and above; `null`: CRITICAL only. */
  debug?: boolean | null;
}

/**
 * Pauses the other Blocks while one of its criteria holds: it sets the
 * run's pause event when a criterion is met and clears it when none is.
 * Paused Blocks skip their `loop()` unless their `pausable` is false, so
 * the Blocks that produce the watched labels must not be pausable, or the
 * pause never ends. Nothing puts hardware in a safe state during a pause:
 * do it yourself, and keep hardware safeties.
 *
 * Criteria are those of the StopBlock: condition strings on received labels
 * (`'F(N)>100'`), on the time since the run's start (`'t(s)>10'`), or
 * functions of the received data. A criterion on labels is tested when data
 * arrives, and keeps its result until new data arrives; a criterion on time
 * only is tested at every loop, even when nothing was received.
 *
 * @example
 * ```ts
 * // pause everything pausable between 5 s and 8 s
 * const pause = new crappy.blocks.Pause('t(s)>5 && t(s)<8');
 * ```
 */
export class Pause extends Block {
  /** The criteria, parsed. */
  readonly criteria: readonly Condition[];
  /** Each criterion's latest result. */
  private readonly met: boolean[];

  /**
   * @param criteria one criterion or a list of them (see {@link Criterion})
   * @throws TypeError / RangeError naming the option, or ConditionSyntaxError for a malformed criterion
   */
  constructor(criteria: Criterion | readonly Criterion[], options: PauseOptions = {}) {
    super();
    applyStandardOptions(this, checkOptions(options, STANDARD_OPTIONS, 'Pause'), 50, 'Pause', quoted);
    this.pausable = false;
    this.criteria = parseCriteria('Pause', criteria, () => this.clock.time() - this.t0);
    this.met = this.criteria.map(() => false);
  }

  /** Tests the criteria, then sets or clears the run's pause event accordingly. */
  override loop(): void {
    const data = this.recvAllData();
    const received = Object.keys(data).length > 0;
    this.criteria.forEach((criterion, i) => {
      if (received || !criterion.usesData) this.met[i] = criterion.test(data);
    });
    const pause = this.controlBlock?.pause;
    if (pause === undefined) return;
    const holding = this.criteria.filter((_, i) => this.met[i]);
    if (holding.length > 0 && !pause.isSet()) {
      this.log(LogLevel.WARNING, `Pause criterion '${holding[0]!.text}' reached, pausing the Blocks`);
      pause.set();
    } else if (holding.length === 0 && pause.isSet()) {
      this.log(LogLevel.WARNING, 'No pause criterion holds any more, resuming the Blocks');
      pause.clear();
    }
  }
}
