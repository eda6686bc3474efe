import { Block } from '../block/block.js';
import type { Message } from '../message/message.js';
import { LogLevel } from '../logging/levels.js';
import { interpolate } from '../util/interpolation.js';
import { requireLinks } from './require-links.js';
import { checkOptions, labelOption, labelsOption, numberOption } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS, type StandardBlockOptions } from '../options/standard.js';
import { TimeSeriesBuffer } from './time-series-buffer.js';

/** Options of {@link Multiplexer}. */
export interface MultiplexerOptions extends StandardBlockOptions {
  /** The label carrying the time, common to every input (default `'t(s)'`). */
  timeLabel?: string;
  /**
   * The labels to send (besides the time), a label or an array; nothing is
   * sent before each of them arrived. `null` (default) for every label
   * received; better set it.
   */
  outLabels?: string | readonly string[] | null;
  /** Messages sent per second of data: one every `1 / interpFreq` s of the time label (default 200). */
  interpFreq?: number;
}

/**
 * Puts the labels of several inputs on a common time base: it buffers what
 * it receives and, once every label has data over a common time range,
 * sends one message every `1 / interpFreq` seconds of that range (times
 * that are multiples of `1 / interpFreq`), each label linearly
 * interpolated. Use it to pair data of Blocks that acquire at different
 * rates, e.g. a Machine's position with an IOBlock's force for a live
 * stress-strain plot.
 *
 * It sends nothing until it got at least two points of each label spanning
 * one period, so it lags behind its slowest input: think twice before
 * deciding on its output. Interpolating costs CPU; interpolate afterwards
 * when the test does not need it live. See {@link Synchronizer} to take the
 * times of one label as the time base instead.
 *
 * @example
 * ```ts
 * const mux = new crappy.blocks.Multiplexer({ outLabels: ['F(N)', 'x(mm)'], interpFreq: 50 });
 * crappy.link(machine, mux);
 * crappy.link(loadCell, mux);
 * crappy.link(mux, grapher);
 * ```
 */
export class Multiplexer extends Block {
  private readonly timeLabel: string;
  private readonly outLabels: string[] | null;
  /** The interpolation period (s). */
  private readonly period: number;
  private readonly buffer: TimeSeriesBuffer;
  /** The last time sent, so that no time is sent twice. */
  private lastMaxT = -Infinity;

  /**
   * @param options `timeLabel`, `outLabels`, `interpFreq` (default 200), `freq` (default 50),
   *   `displayFreq`, `debug`
   * @throws RangeError for an `interpFreq` ≤ 0; TypeError / RangeError for a wrong option
   */
  constructor(options?: MultiplexerOptions) {
    super();
    const checked = checkOptions(options, [...STANDARD_OPTIONS, 'timeLabel', 'outLabels', 'interpFreq'], 'Multiplexer');
    applyStandardOptions(this, checked, 50, 'Multiplexer');
    this.timeLabel = labelOption(checked.timeLabel, 't(s)', 'Multiplexer', 'timeLabel', true);
    this.outLabels = labelsOption(checked.outLabels, 'Multiplexer', 'outLabels', true);
    this.period = 1 / numberOption(checked.interpFreq, 200, 'Multiplexer', 'interpFreq', { min: 0, exclusive: true });
    this.buffer = new TimeSeriesBuffer(this.name);
  }

  /** @throws Error when the Multiplexer has no input or no output Link */
  override prepare(): void {
    requireLinks(this, true);
  }

  /** Buffers the new data, then sends every time of the grid that all labels now cover. */
  override loop(): void {
    const outLabels = this.outLabels;
    for (const chunk of this.recvAllDataRaw()) {
      this.buffer.add(chunk, this.timeLabel, (label) => outLabels === null || outLabels.includes(label));
    }
    if (this.buffer.isEmpty) return this.log(LogLevel.DEBUG, 'No data in the buffer to process');
    if (outLabels !== null && outLabels.some((label) => !this.buffer.has(label))) {
      return this.log(LogLevel.DEBUG, 'Not all the requested labels received yet');
    }
    if (this.buffer.someShorterThan(2)) return this.log(LogLevel.DEBUG, 'Not at least 2 values for each label in buffer');
    if (this.buffer.someSpanBelow(this.period)) {
      return this.log(LogLevel.DEBUG, 'At least one label has values too close together compared to interpolation frequency');
    }
    const period = this.period;
    // The margins keep times already sent out, and absorb rounding errors when snapping to the grid.
    const delta = period / 20;
    const epsilon = period * 1e-12;
    const start = Math.max(this.buffer.latestStart(), this.lastMaxT + delta);
    const minT = Math.ceil((start - epsilon) / period) * period;
    const maxT = Math.floor((this.buffer.earliestEnd() + epsilon) / period) * period;
    if (maxT < minT) return this.log(LogLevel.DEBUG, 'Ranges not matching for interpolation');
    // maxT >= minT, so the grid holds at least minT.
    const grid = Array.from({ length: Math.ceil((maxT + delta - minT) / period) }, (_, i) => minT + i * period);
    this.lastMaxT = maxT;
    const columns = this.buffer.entries().map(([label, series]) => [label, interpolate(grid, series.t, series.v)] as const);
    for (const [label] of columns) this.buffer.dropUntil(label, maxT, true);
    grid.forEach((t, i) => {
      const message: Message = {};
      for (const [label, values] of columns) message[label] = values[i]!;
      message[this.timeLabel] = t;
      this.send(message);
    });
  }
}
