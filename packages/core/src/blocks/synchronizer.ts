import { Block } from '../block/block.js';
import type { Message } from '../message/message.js';
import { LogLevel } from '../logging/levels.js';
import { interpolate } from '../util/interpolation.js';
import { requireLinks } from './require-links.js';
import { checkOptions, labelOption, labelsOption, requiredArguments } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS, type StandardBlockOptions } from '../options/standard.js';
import { TimeSeriesBuffer } from './time-series-buffer.js';

/** Options of {@link Synchronizer}. */
export interface SynchronizerOptions extends StandardBlockOptions {
  /** The label carrying the time, common to every input (default `'t(s)'`). */
  timeLabel?: string;
  /**
   * The labels to put on the reference's times (besides the time and the
   * reference), a label or an array; nothing is sent before each of them
   * arrived. `null` (default) for every label received; better set it.
   */
  labelsToSync?: string | readonly string[] | null;
}

/**
 * Puts the labels of several inputs on the times of one reference label:
 * for each time at which the reference label was received, once every label
 * has data around it, it sends one message with the reference's value as
 * received and the other labels linearly interpolated at that time. Use it,
 * for instance, to get the force and position at the time of each image of
 * a video-extensometer.
 *
 * It sends nothing until it got at least two points of each label, so it
 * lags behind its slowest input. See {@link Multiplexer} for a time base of
 * fixed frequency instead.
 *
 * @example
 * ```ts
 * const sync = new crappy.blocks.Synchronizer('Exx(%)', { labelsToSync: ['F(N)'] });
 * crappy.link(videoExtenso, sync);
 * crappy.link(machine, sync);
 * crappy.link(sync, recorder);
 * ```
 */
export class Synchronizer extends Block {
  private readonly referenceLabel: string;
  private readonly timeLabel: string;
  private readonly labelsToSync: string[] | null;
  private readonly buffer: TimeSeriesBuffer;

  /**
   * @param options the options with `referenceLabel`, as the original's keyword arguments
   * @throws TypeError without `referenceLabel`
   */
  constructor(options: SynchronizerOptions & { referenceLabel: string });
  /**
   * @param referenceLabel the label whose times are the time base
   * @param options `timeLabel`, `labelsToSync`, `freq` (default 50), `displayFreq`, `debug`
   * @throws TypeError / RangeError for a wrong option
   */
  constructor(referenceLabel: string, options?: SynchronizerOptions);
  constructor(...args: unknown[]) {
    super();
    const { values: [referenceLabel], options } = requiredArguments<SynchronizerOptions>(args, ['referenceLabel'], 'Synchronizer');
    this.referenceLabel = labelOption(referenceLabel, undefined, 'Synchronizer', 'referenceLabel', true);
    const checked = checkOptions(options, [...STANDARD_OPTIONS, 'timeLabel', 'labelsToSync'], 'Synchronizer');
    applyStandardOptions(this, checked, 50, 'Synchronizer');
    this.timeLabel = labelOption(checked.timeLabel, 't(s)', 'Synchronizer', 'timeLabel', true);
    this.labelsToSync = labelsOption(checked.labelsToSync, 'Synchronizer', 'labelsToSync', true);
    this.buffer = new TimeSeriesBuffer(this.name);
  }

  /** @throws Error when the Synchronizer has no input or no output Link */
  override prepare(): void {
    requireLinks(this, true);
  }

  /** Buffers the new data, then sends every reference time that all labels now cover. */
  override loop(): void {
    const { referenceLabel: reference, labelsToSync: toSync } = this;
    for (const chunk of this.recvAllDataRaw()) {
      this.buffer.add(chunk, this.timeLabel, (label) => toSync === null || label === reference || toSync.includes(label));
    }
    if (this.buffer.isEmpty) return this.log(LogLevel.DEBUG, 'No data in the buffer to process');
    if (!this.buffer.has(reference)) return this.log(LogLevel.DEBUG, 'No value for the reference label found in the buffer');
    if (toSync !== null && toSync.some((label) => !this.buffer.has(label))) {
      return this.log(LogLevel.DEBUG, 'Not all the requested labels received yet');
    }
    if (this.buffer.someShorterThan(2)) return this.log(LogLevel.DEBUG, 'Not at least 2 values for each label in buffer');
    const minT = this.buffer.latestStart();
    const maxT = this.buffer.earliestEnd();
    if (maxT < minT) return this.log(LogLevel.DEBUG, 'Ranges not matching for interpolation');
    const columns = this.buffer.entries().map(([label, series]) => {
      const inRange = series.t.flatMap((t, i) => (t >= minT && t <= maxT ? [i] : []));
      return { label, series, inRange };
    });
    const ref = columns.find((column) => column.label === reference)!;
    const times = ref.inRange.map((i) => ref.series.t[i]!);
    if (times.length === 0) {
      return this.log(LogLevel.DEBUG, 'No value of the target label found between the minimum and maximum possible interpolation times');
    }
    const values = columns.map(({ label, series }) => {
      const column = label === reference ? ref.inRange.map((i) => series.v[i]!) : interpolate(times, series.t, series.v);
      return [label, column] as const;
    });
    for (const [label] of values) this.buffer.dropUntil(label, maxT, label !== reference);
    times.forEach((t, i) => {
      const message: Message = {};
      for (const [label, column] of values) message[label] = column[i]!;
      message[this.timeLabel] = t;
      this.send(message);
    });
  }
}
