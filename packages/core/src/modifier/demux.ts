import type { Message } from '../message/message.js';
import { booleanOption, checkOptions, labelList, labelOption, requiredArguments } from '../options/index.js';
import { labelValue } from './label-value.js';
import { Modifier, type ModifierResult } from './modifier.js';
import { asNumbers, mean } from './statistics.js';

/** Options of {@link Demux}. */
export interface DemuxOptions {
  /** The label carrying the stream (default `'stream'`). */
  streamLabel?: string;
  /** Send the mean of each channel and of the time instead of their first value (default false). */
  mean?: boolean;
  /** The label carrying the time, in seconds (default `'t(s)'`). */
  timeLabel?: string;
  /** The channels are the rows of the stream instead of its columns (default false). */
  transpose?: boolean;
}

/** Whether `value` is an array or a typed array. */
function isList(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Turns a stream, a block of samples sent by an IOBlock in streamer mode,
 * into ordinary labelled values that any Block can use: each channel
 * becomes one label carrying its first value (or its mean), and the time
 * label becomes one number. The stream itself is removed from the message.
 *
 * The stream is an array of samples, each an array (or typed array) with
 * one value per channel; a flat array of numbers is a single channel. With
 * `transpose`, each entry of the stream is a channel instead. The time
 * label carries the samples' times (an array, or rows of one value). A
 * stream without any sample or channel leaves the message unchanged.
 *
 * Most of the stream is dropped on the way: this is for plotting or
 * deciding at a low rate; record streams in full with a recorder instead.
 *
 * @example
 * ```ts
 * // {t(s): [...], stream: [[v0, i0], [v1, i1], ...]} becomes {t(s): t, 'U(V)': v, 'I(A)': i}
 * crappy.link(daq, grapher, { modifier: new crappy.modifier.Demux(['U(V)', 'I(A)'], { mean: true }) });
 * ```
 */
export class Demux extends Modifier {
  static {
    Modifier.classes.register(this);
  }

  private readonly labels: string[];
  private readonly streamLabel: string;
  private readonly mean: boolean;
  private readonly timeLabel: string;
  private readonly transpose: boolean;

  /**
   * @param options the options with `labels`, as the original's keyword arguments
   * @throws TypeError without `labels`
   */
  constructor(options: DemuxOptions & { labels: string | readonly string[] });
  /**
   * @param labels the label of each channel, in the stream's order (a
   *   single label for one channel); with fewer labels than channels, the
   *   last channels are dropped
   * @param options `streamLabel`, `mean`, `timeLabel`, `transpose`
   * @throws TypeError for wrong labels or options
   */
  constructor(labels: string | readonly string[], options?: DemuxOptions);
  constructor(...args: unknown[]) {
    super();
    const { values: [labels], options } = requiredArguments<DemuxOptions>(args, ['labels'], 'Demux');
    this.labels = labelList(labels, 'Demux', 'labels', true);
    const { streamLabel, mean, timeLabel, transpose } = checkOptions(options, ['streamLabel', 'mean', 'timeLabel', 'transpose'], 'Demux');
    this.streamLabel = labelOption(streamLabel, 'stream', 'Demux', 'streamLabel', true);
    this.mean = booleanOption(mean, false, 'Demux', 'mean');
    this.timeLabel = labelOption(timeLabel, 't(s)', 'Demux', 'timeLabel', true);
    this.transpose = booleanOption(transpose, false, 'Demux', 'transpose');
  }

  /**
   * @returns the message with one number per channel label and per time label, without the stream
   * @throws RangeError when the stream or time label is missing or there are more labels than channels;
   *   TypeError when the stream or the times are not numbers
   */
  call(data: Message): ModifierResult {
    const rows = this.rows(labelValue(data, this.streamLabel, 'Demux'));
    if (rows.length === 0 || rows[0]!.length === 0) return data;
    const channels = this.transpose ? rows.length : rows[0]!.length;
    if (this.labels.length > channels) {
      throw new RangeError(`Demux: ${this.labels.length} labels given for a stream of ${channels} channels`);
    }
    this.labels.forEach((label, i) => {
      const channel = this.transpose ? Array.from(rows[i]!) : rows.map((row) => row[i]);
      data[label] = this.reduce(channel, `channel ${i} of '${this.streamLabel}'`);
    });
    delete data[this.streamLabel];
    const times: unknown = labelValue(data, this.timeLabel, 'Demux');
    const timeList = isList(times) ? Array.from(times, (t) => (isList(t) ? t[0] : t)) : [times];
    data[this.timeLabel] = this.reduce(timeList, `'${this.timeLabel}'`);
    return data;
  }

  /** The stream as a list of rows. */
  private rows(stream: unknown): ArrayLike<unknown>[] {
    if (!isList(stream)) throw new TypeError(`Demux: '${this.streamLabel}' must carry an array of samples, got ${typeof stream}`);
    return Array.from(stream, (row) => (isList(row) ? row : [row]));
  }

  /** The first value of a channel, or its mean. */
  private reduce(values: unknown[], what: string): number {
    const numbers = asNumbers(this.mean ? values : values.slice(0, 1));
    if (numbers === null || numbers.length === 0) throw new TypeError(`Demux: ${what} must hold numbers`);
    return mean(numbers);
  }
}
