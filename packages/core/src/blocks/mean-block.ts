import { inspect } from 'node:util';
import { Block, type DataLists, type MaybePromise } from '../block/block.js';
import type { LinkValue, Message } from '../message/message.js';
import { LogLevel } from '../logging/levels.js';
import { asNumbers, mean } from '../modifier/statistics.js';
import { checkOptions, labelOption, labelsOption, numberOption, requiredArguments } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS, type StandardBlockOptions } from '../options/standard.js';
import { andThen } from '../util/maybe-async.js';
import { requireLinks } from './require-links.js';

/** Options of {@link MeanBlock}. */
export interface MeanBlockOptions extends StandardBlockOptions {
  /** The label carrying the time, common to every input (default `'t(s)'`). */
  timeLabel?: string;
  /** The labels to average and send (besides the time), a label or an array; `null` (default) for all of them. */
  outLabels?: string | readonly string[] | null;
}

/**
 * Every `delay` seconds, sends the mean of each label received during
 * that time, from any number of inputs sharing a time label. The time it
 * sends is the middle of the received times (or, when no time was
 * received, the middle between the last send and now).
 *
 * A label whose values are not all numbers is sent with its last value,
 * and a warning is logged. A label that did not arrive during a delay is
 * missing from that message: downstream Blocks may not get the same labels
 * each time when `delay` is short compared to the inputs' rates. Compare
 * the {@link modifier.Mean} Modifier, which averages a number of messages
 * rather than a duration.
 *
 * @example
 * ```ts
 * const mean = new crappy.blocks.MeanBlock(0.5, { outLabels: ['F(N)', 'x(mm)'] });
 * crappy.link(machine, mean);
 * crappy.link(mean, recorder);
 * ```
 */
export class MeanBlock extends Block {
  private readonly delay: number;
  private readonly timeLabel: string;
  private readonly outLabels: string[] | null;
  /** When the last message was sent (s since the epoch). */
  private lastSentT = 0;

  /**
   * @param options the options with `delay`, as the original's keyword arguments
   * @throws TypeError without `delay`
   */
  constructor(options: MeanBlockOptions & { delay: number });
  /**
   * @param delay how long to collect data before each send, in seconds
   * @param options `timeLabel`, `outLabels`, `freq` (default 50), `displayFreq`, `debug`
   * @throws RangeError for a `delay` ≤ 0; TypeError / RangeError for a wrong option
   */
  constructor(delay: number, options?: MeanBlockOptions);
  constructor(...args: unknown[]) {
    super();
    const { values: [delay], options } = requiredArguments<MeanBlockOptions>(args, ['delay'], 'MeanBlock');
    this.delay = numberOption(delay, undefined, 'MeanBlock', 'delay', { min: 0, exclusive: true });
    const checked = checkOptions(options, [...STANDARD_OPTIONS, 'timeLabel', 'outLabels'], 'MeanBlock');
    applyStandardOptions(this, checked, 50, 'MeanBlock');
    this.timeLabel = labelOption(checked.timeLabel, 't(s)', 'MeanBlock', 'timeLabel', true);
    this.outLabels = labelsOption(checked.outLabels, 'MeanBlock', 'outLabels', true);
  }

  /** @throws Error when the MeanBlock has no input or no output Link */
  override prepare(): void {
    requireLinks(this, true);
  }

  /** Counts the first delay from the start of the run. */
  override begin(): void {
    this.lastSentT = this.t0;
  }

  /**
   * Collects data for `delay` seconds, then sends the means, if anything came.
   * @returns a Promise only when `recvAllData()` returns one (it does in a run)
   */
  override loop(): MaybePromise {
    return andThen(this.recvAllData(this.delay, this.delay / 10), (data) => this.sendMeans(data));
  }

  /** Sends the mean of each label received (the last value of those that cannot be averaged) and of the times. */
  private sendMeans(data: DataLists): void {
    const times = data[this.timeLabel];
    delete data[this.timeLabel];
    const out: Message = {};
    for (const [label, values] of Object.entries(data)) {
      if (this.outLabels !== null && !this.outLabels.includes(label)) continue;
      const numbers = asNumbers(values);
      if (numbers === null) {
        this.log(LogLevel.WARNING, `Cannot perform averaging on label ${label} with values: ${inspect(values, { breakLength: Infinity })}`);
        out[label] = values[values.length - 1] as LinkValue;
      } else {
        out[label] = mean(numbers);
      }
    }
    if (Object.keys(out).length === 0) return;
    const now = this.clock.time();
    out[this.timeLabel] = times === undefined ? (now + this.lastSentT) / 2 - this.t0 : this.middle(times);
    this.lastSentT = now;
    this.send(out);
  }

  /** The middle of the received times (already relative to t0). */
  private middle(times: unknown[]): number {
    const numbers = asNumbers(times);
    if (numbers === null) throw new TypeError(`${this.name}: the time label '${this.timeLabel}' must carry numbers`);
    // A loop rather than Math.min(...numbers): a long delay at a high rate exceeds the argument limit.
    let min = Infinity;
    let max = -Infinity;
    for (const t of numbers) {
      if (t < min) min = t;
      if (t > max) max = t;
    }
    return (min + max) / 2;
  }
}
