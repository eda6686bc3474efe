/**
 * Zeroing of an InOut's channels: averaging readings into offsets, and
 * adding those offsets to later readings and streams.
 * @module
 * @internal
 */
import { isPlainObject, type LinkValue, type Message } from '../message/message.js';
import { show } from '../options/index.js';
import type { InOutData, InOutStream, Offsets, Samples, StreamRows } from './data.js';

/** The time label, never offset. */
export const TIME_LABEL = 't(s)';

/** What {@link ZeroAccumulator.result} found: offsets, or why there are none. */
export type ZeroResult = { offsets: Offsets } | { warning: string };

/**
 * Averages the readings taken while zeroing, without keeping them: a
 * running sum per value. Array readings give one offset per value after the
 * time (as many as the shortest reading has); object readings one per label
 * but `'t(s)'`. When both kinds were seen, the array readings win.
 */
export class ZeroAccumulator {
  private listCount = 0;
  private listWidth = Infinity;
  private readonly listSums: number[] = [];
  private readonly listBad = new Set<number>();
  private readonly labelSums = new Map<string, { sum: number; count: number; bad: boolean }>();

  /** Adds one reading; `null` and arrays of a single value add nothing. */
  add(reading: InOutData | null | undefined): void {
    if (reading === null || reading === undefined) return;
    if (isPlainObject(reading)) {
      for (const [label, value] of Object.entries(reading)) {
        if (label === TIME_LABEL) continue;
        const entry = this.labelSums.get(label) ?? { sum: 0, count: 0, bad: false };
        if (typeof value === 'number') entry.sum += value;
        else entry.bad = true;
        entry.count += 1;
        this.labelSums.set(label, entry);
      }
      return;
    }
    const values = Array.from(reading as ArrayLike<LinkValue>);
    if (values.length < 2) return;
    this.listCount += 1;
    this.listWidth = Math.min(this.listWidth, values.length - 1);
    for (let i = 1; i < values.length; i++) {
      const value = values[i];
      if (typeof value === 'number') this.listSums[i - 1] = (this.listSums[i - 1] ?? 0) + value;
      else this.listBad.add(i - 1);
    }
  }

  /** The offsets (minus the mean of each value), or a warning when there is nothing to average. */
  result(): ZeroResult {
    if (this.listCount > 0) {
      const offsets: number[] = [];
      for (let i = 0; i < this.listWidth; i++) {
        if (this.listBad.has(i)) return { warning: NOT_NUMBERS };
        offsets.push(minusMean(this.listSums[i]!, this.listCount));
      }
      return { offsets };
    }
    if (this.labelSums.size === 0) {
      return { warning: 'No data acquired when zeroing the channels, aborting the zeroing' };
    }
    const offsets: Record<string, number> = {};
    for (const [label, { sum, count, bad }] of this.labelSums) {
      if (bad) return { warning: NOT_NUMBERS };
      offsets[label] = minusMean(sum, count);
    }
    return { offsets };
  }
}

/** Minus the mean, the offset of a channel: 0, not −0, for a channel whose mean is 0. */
function minusMean(sum: number, count: number): number {
  return -(sum / count) + 0;
}

const NOT_NUMBERS = 'Cannot compute the offsets, the channels are not zeroed: the InOut does not return only numbers';

/**
 * Adds the offsets to one reading, as `InOut.returnData()` does.
 * @returns an object reading as it is when there are no label offsets, a copy
 *   of an array reading when there are no value offsets, else a new reading
 * @throws RangeError for an object without `'t(s)'`, a label without offset,
 *   or an array whose length does not match the offsets
 * @throws TypeError for an offset value that is not a number
 */
export function offsetData(data: InOutData, offsets: Offsets | null): InOutData {
  if (isPlainObject(data)) {
    if (!(TIME_LABEL in data)) {
      throw new RangeError(`The time label '${TIME_LABEL}' must be given in the object returned by getData()`);
    }
    if (offsets === null || Array.isArray(offsets)) return data;
    const labelOffsets = offsets as Readonly<Record<string, number>>;
    const missing = Object.keys(data).filter((label) => label !== TIME_LABEL && !(label in labelOffsets));
    if (missing.length > 0) {
      throw new RangeError(`No offset for the label(s) ${missing.join(', ')} returned by getData(): every label must be zeroed`);
    }
    const result: Message = { [TIME_LABEL]: data[TIME_LABEL] };
    for (const [label, value] of Object.entries(data)) {
      if (label !== TIME_LABEL) result[label] = addOffset(value, labelOffsets[label]!, label);
    }
    return result;
  }
  const values = Array.from(data as ArrayLike<LinkValue>);
  if (offsets === null || !Array.isArray(offsets)) return values;
  const valueOffsets = offsets as readonly number[];
  if (values.length - 1 !== valueOffsets.length) {
    throw new RangeError(
      `getData() returned ${values.length - 1} value(s) after the time but ${valueOffsets.length} offset(s) were computed`,
    );
  }
  return [values[0], ...values.slice(1).map((value, i) => addOffset(value, valueOffsets[i]!, `value ${i + 1}`))];
}

/**
 * Adds the offsets to every channel of a stream chunk, as
 * `InOut.returnStream()` does: to the rows of every label but `'t(s)'` of an
 * object, or to every block of rows after the times of an array. Label
 * offsets apply in the order the labels were first read.
 * @returns the chunk as it is (a copy for an array) without offsets, else a new chunk
 * @throws RangeError for an object without `'t(s)'`, or rows whose width does
 *   not match the number of offsets
 */
export function offsetStream(stream: InOutStream, offsets: Offsets | null): InOutStream {
  const vector = offsets === null ? null : Array.isArray(offsets) ? (offsets as readonly number[]) : Object.values(offsets);
  if (isPlainObject(stream)) {
    if (!(TIME_LABEL in stream)) {
      throw new RangeError(`The time label '${TIME_LABEL}' must be given in the object returned by getStream()`);
    }
    if (vector === null) return stream;
    const result: Record<string, Samples | StreamRows> = { [TIME_LABEL]: stream[TIME_LABEL]! };
    for (const [label, rows] of Object.entries(stream)) {
      if (label !== TIME_LABEL) result[label] = offsetRows(rows as StreamRows, vector, label);
    }
    return result;
  }
  const [times, ...blocks] = Array.from(stream as ArrayLike<Samples | StreamRows>);
  if (vector === null) return [times as Samples, ...(blocks as StreamRows[])];
  return [times as Samples, ...blocks.map((rows, i) => offsetRows(rows as StreamRows, vector, `block ${i + 1}`))];
}

function offsetRows(rows: StreamRows, vector: readonly number[], where: string): number[][] {
  if (!Array.isArray(rows)) throw new TypeError(`The stream's ${where} must be an array of rows, got ${show(rows)}`);
  return rows.map((row, r) => {
    if (row.length !== vector.length) {
      throw new RangeError(
        `The stream's ${where} has rows of ${row.length} value(s) (row ${r}) but ${vector.length} offset(s) were computed`,
      );
    }
    return Array.from(row as ArrayLike<number>, (value, j) => value + vector[j]!);
  });
}

function addOffset(value: LinkValue, offset: number, where: string): number {
  if (typeof value !== 'number') throw new TypeError(`Cannot offset ${where}: ${show(value)} is not a number`);
  return value + offset;
}
