import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DataLists } from '../block/block.js';
import { bracket } from '../util/interpolation.js';
import { checkOptions, describe, labelOption, quoted } from '../options/index.js';
import { Path } from './path.js';

/** Options of {@link Custom}. */
export interface CustomOptions {
  /** The text file: two columns, time (s from the start of the Path) and value. A relative path is relative to the working directory. */
  fileName: string | URL;
  /** Separator of the columns (default `','`); a whitespace delimiter accepts any run of spaces and tabs. */
  delimiter?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Plays a signal read from a text file (`.csv`, `.txt`...): one line per
 * point, `time,value`, times in seconds from the start of the Path, in
 * increasing order. The value is interpolated linearly between points; the
 * Path ends after the last time. Blank lines and `#` comments are skipped.
 */
export class Custom extends Path {
  static {
    Path.classes.register(this);
  }

  /** The times of the points (s from the start of the Path). */
  readonly times: readonly number[];
  /** The values of the points. */
  readonly values: readonly number[];

  /**
   * Reads and checks the whole file.
   * @throws TypeError for a missing or wrong option
   * @throws RangeError for a file without points, a line without exactly 2 numbers, or times going back
   * @throws Error when the file cannot be read
   */
  constructor(options: CustomOptions) {
    super();
    const raw = checkOptions(options, ['fileName', 'delimiter'], 'Custom');
    const file = raw.fileName;
    if (!(typeof file === 'string' && file !== '') && !(file instanceof URL)) {
      throw new TypeError(`Custom: option 'fileName' is required and must be a path or a file URL, got ${describe(file)}`);
    }
    const name = typeof file === 'string' ? file : fileURLToPath(file);
    const delimiter = labelOption(raw.delimiter, ',', 'Custom', quoted('delimiter'));
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`Custom: cannot read the file '${name}': ${(error as Error).message}`, { cause: error });
    }
    const times: number[] = [];
    const values: number[] = [];
    const split = delimiter.trim() === '' ? (line: string) => line.split(/\s+/) : (line: string) => line.split(delimiter);
    text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((full, i) => {
      const line = full.replace(/#.*/, '').trim();
      if (line === '') return;
      const where = `Custom: file '${name}', line ${i + 1}`;
      const fields = split(line).map((field) => field.trim());
      if (fields.length !== 2) {
        throw new RangeError(`${where}: expected 2 columns (time${delimiter}value), got ${fields.length}: '${line}'`);
      }
      const [t, v] = fields.map((field) => {
        if (!NUMBER.test(field)) throw new RangeError(`${where}: '${field}' is not a number`);
        return Number(field);
      }) as [number, number];
      if (times.length > 0 && t < times[times.length - 1]!) {
        throw new RangeError(`${where}: the time ${t} is before the previous one (${times[times.length - 1]}); times must increase`);
      }
      times.push(t);
      values.push(v);
    });
    if (times.length === 0) throw new RangeError(`Custom: the file '${name}' holds no point`);
    this.times = times;
    this.values = values;
  }

  /** The value interpolated at the time since the start, or the end of the Path after the last point. */
  getCmd(_data: DataLists): number {
    const t = this.elapsed();
    const times = this.times;
    const last = times.length - 1;
    if (t > times[last]!) this.end();
    if (t <= times[0]!) return this.values[0]!;
    const low = bracket(times, t);
    const high = low + 1;
    const span = times[high]! - times[low]!;
    if (span === 0) return this.values[high]!;
    return this.values[low]! + ((this.values[high]! - this.values[low]!) * (t - times[low]!)) / span;
  }
}
