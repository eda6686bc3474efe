import { inspect } from 'node:util';
import type { Dataset, File as H5File } from 'h5wasm';
import { Block, type DataLists } from '../block/block.js';
import type { TypedArray } from '../message/message.js';
import { LogLevel } from '../logging/levels.js';
import { checkOptions, labelOption, numberOption, requiredArguments } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS, type StandardBlockOptions } from '../options/standard.js';
import { ATOMS, fillRow, resolveAtom, type HDFAtom, type HDFAtomName } from './hdf-atom.js';
import { claimOutputPath, FILE_PATH } from './record-path.js';

/** A value saved as a metadata dataset by an {@link HDFRecorder}. */
export type HDFMetadataValue = number | string | readonly number[] | readonly string[] | TypedArray;

/** Options of {@link HDFRecorder}. */
export interface HDFRecorderOptions extends StandardBlockOptions {
  /** Target loops per second, `null` for as fast as possible (default `null`). */
  freq?: number | null;
  /** Name of the dataset holding the stream, at the root of the file (default `'table'`). */
  node?: string;
  /** Rows expected in the whole test; only sizes the chunks of the dataset (default 10⁸). */
  expectedRows?: number;
  /**
   * Type of the saved values (default `'int16'`), by our name or numpy's
   * (`'f8'`, `'float'`, `'i4'`, `'<u2'`...); values are converted as typed arrays do.
   */
  atom?: HDFAtomName;
  /** The label carrying the stream (default `'stream'`). */
  label?: string;
  /** Extra information, each entry saved as a dataset of that name at the root of the file. */
  metadata?: Readonly<Record<string, HDFMetadataValue>> | null;
}

const OPTIONS = ['node', 'expectedRows', 'atom', 'label', 'metadata', ...STANDARD_OPTIONS];

/** Bytes of one chunk of the dataset, when `expectedRows` allows. */
const CHUNK_BYTES = 1 << 16;
/** Longest time between two flushes of the file to disk (s). */
const FLUSH_PERIOD = 1;

type H5wasm = typeof import('h5wasm').default;

/**
 * Saves a stream to an HDF5 file: the values of one label, typically the
 * `'stream'` label of an IOBlock in streamer mode, appended as rows to a
 * growable two-dimensional dataset (`node`, `rows × width`, of type `atom`).
 * Each value received on the label is a block of rows (an array of rows,
 * each row an array or a typed array of `width` numbers) or a single row
 * (one array or typed array); `width` is set by the first row.
 *
 * Folders and existing files are handled as by the {@link Recorder}. The
 * entries of `metadata` become datasets at the root of the file. The file is
 * flushed to disk at least every second and closed when the run ends, after
 * the data still waiting in the Link has been saved.
 *
 * HDF5 support comes from the `h5wasm` package, loaded only by the
 * HDFRecorder's own thread.
 */
export class HDFRecorder extends Block {
  /** The file asked for (the one written may have an index added, see {@link HDFRecorder.path}). */
  readonly filePath: string;
  /** Name of the dataset holding the stream. */
  readonly node: string;
  /** Rows expected in the whole test. */
  readonly expectedRows: number;
  /** Type of the saved values. */
  readonly atom: HDFAtom;
  /** The label carrying the stream. */
  readonly label: string;
  /** Extra information saved as datasets. */
  readonly metadata: Readonly<Record<string, HDFMetadataValue>>;

  #path: string;
  #file: H5File | null = null;
  #dataset: Dataset | null = null;
  #width = 0;
  #rows = 0;
  #lastFlush = 0;

  /**
   * @param options the options with `filePath` (or `fileName`, the original's name), as the original's keyword arguments
   * @throws TypeError without a file
   */
  constructor(options: HDFRecorderOptions & ({ filePath: string } | { fileName: string }));
  /**
   * @param filePath the HDF5 file to write, absolute or relative to the working folder
   * @throws TypeError for an option of the wrong type; RangeError for a wrong name, atom or row count
   */
  constructor(filePath: string, options?: HDFRecorderOptions);
  constructor(...args: unknown[]) {
    super();
    const owner = this.constructor.name;
    const { values: [filePath], options = {} } = requiredArguments<HDFRecorderOptions>(args, [FILE_PATH], owner);
    this.filePath = labelOption(filePath, undefined, owner, 'filePath');
    const {
      node = 'table', expectedRows = 10 ** 8, atom = 'int16', label = 'stream', metadata = null,
    } = checkOptions(options, OPTIONS, owner);
    this.node = checkName(node, owner, 'node');
    this.expectedRows = numberOption(expectedRows, undefined, owner, 'expectedRows', { min: 1, integer: true });
    this.atom = resolveAtom(atom, owner);
    this.label = labelOption(label, undefined, owner, 'label', true);
    this.metadata = checkMetadata(metadata, this.node, owner);
    applyStandardOptions(this, options, null, owner);
    this.#path = this.filePath;
  }

  /**
   * The file written: {@link HDFRecorder.filePath}, or the free name chosen in
   * `prepare()` if it existed. In the main thread, it is the file the
   * Block's worker wrote once `start()` has returned.
   */
  get path(): string {
    return this.#path;
  }

  /** The file written, for the main thread's HDFRecorder. */
  override runReport(): { path: string } {
    return { path: this.#path };
  }

  /** In the main thread: takes the file its worker wrote, so that {@link HDFRecorder.path} names it after the run. */
  override adoptRunReport(report: { path: string }): void {
    this.#path = report.path;
  }

  /**
   * Checks that there is exactly one input Link, creates the folder and
   * chooses a free file name, all at once; then, in the returned Promise,
   * loads h5wasm, creates the file and writes the metadata.
   * @throws RangeError without an input Link or with several; Error when the folder cannot be created
   * @returns a Promise that rejects when h5wasm cannot be loaded or the file cannot be created
   */
  override prepare(): Promise<void> {
    if (this.inputs.length !== 1) {
      throw new RangeError(
        this.inputs.length === 0
          ? `${this.name}: an HDFRecorder needs one input Link, it has none`
          : `${this.name}: an HDFRecorder takes exactly one input Link, it has ${this.inputs.length}`,
      );
    }
    this.#path = claimOutputPath(this, this.filePath);
    return this.#createFile();
  }

  /** Loads h5wasm, creates the file and writes the metadata. */
  async #createFile(): Promise<void> {
    const h5 = await loadH5wasm(this.name);
    this.log(LogLevel.INFO, `Creating the HDF5 file ${this.#path}`);
    this.#file = new h5.File(this.#path, 'w');
    for (const [name, value] of Object.entries(this.metadata)) {
      const numbers = typeof value === 'number' || (Array.isArray(value) && typeof value[0] === 'number');
      this.#file.create_dataset({ name, data: value as number, dtype: numbers ? '<d' : null });
    }
    this.#file.flush();
  }

  /** Waits for the first data, creates the dataset from its first row, then appends every row received. */
  override loop(): void {
    if (this.#dataset === null && !this.dataAvailable()) return;
    this.#save(this.recvAllData());
    if (this.clock.time() - this.#lastFlush >= FLUSH_PERIOD) {
      this.#file!.flush();
      this.#lastFlush = this.clock.time();
    }
  }

  /** Saves the stream still waiting in the Link, then closes the file. */
  override finish(): void {
    if (this.#file === null) return;
    try {
      const data = this.recvAllData();
      if (this.#dataset !== null || this.label in data) this.#save(data);
    } finally {
      this.log(LogLevel.INFO, `Closing the HDF5 file ${this.#path}`);
      this.#file.close();
      this.#file = null;
    }
  }

  #save(data: DataLists): void {
    const values = data[this.label];
    if (this.#dataset === null) {
      if (values === undefined) {
        throw new Error(`${this.name}: the data received does not contain the label '${this.label}'`);
      }
      this.#create(values);
    }
    if (values === undefined || values.length === 0) return;
    const rows = values.flatMap((value) => this.#rowsOf(value));
    const { array } = ATOMS[this.atom];
    const block = new array(rows.length * this.#width);
    rows.forEach((row, i) => {
      if (row.length !== this.#width) {
        throw new RangeError(`${this.name}: a row of '${this.label}' has ${row.length} values, the dataset has ${this.#width} columns`);
      }
      fillRow(block, row, i * this.#width);
    });
    const start = this.#rows;
    this.#rows += rows.length;
    this.#dataset!.resize([this.#rows, this.#width]);
    this.#dataset!.write_slice([[start, this.#rows], []], block);
  }

  #create(values: unknown[]): void {
    const first = this.#rowsOf(values[0])[0];
    if (first === undefined || first.length === 0) {
      throw new RangeError(`${this.name}: the first value of '${this.label}' holds no row to size the dataset`);
    }
    this.#width = first.length;
    const { dtype, array } = ATOMS[this.atom];
    const rowBytes = this.#width * new array(1).BYTES_PER_ELEMENT;
    const chunkRows = Math.max(1, Math.min(this.expectedRows, Math.floor(CHUNK_BYTES / rowBytes)));
    this.log(LogLevel.INFO, `Creating the dataset '${this.node}' (${this.#width} columns of ${this.atom})`);
    this.#dataset = this.#file!.create_dataset({
      name: this.node,
      data: new array(0),
      shape: [0, this.#width],
      maxshape: [null, this.#width],
      chunks: [chunkRows, this.#width],
      dtype,
    });
  }

  /** The rows of one value of the stream label: a block of rows, or one row. */
  #rowsOf(value: unknown): ArrayLike<number>[] {
    if (isRow(value)) return [value];
    if (Array.isArray(value) && value.every(isRow)) return value;
    throw new TypeError(
      `${this.name}: the values of '${this.label}' must be rows of numbers (arrays or typed arrays) or arrays of rows, got ${inspect(value, { depth: 1 })}`,
    );
  }
}

function isRow(value: unknown): value is ArrayLike<number> {
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}

async function loadH5wasm(owner: string): Promise<H5wasm> {
  let h5: H5wasm;
  try {
    h5 = (await import('h5wasm/node')).default;
  } catch (error) {
    throw new Error(`${owner}: the HDFRecorder needs the h5wasm package (npm install h5wasm): ${(error as Error).message}`);
  }
  await h5.ready;
  return h5;
}

function checkName(value: unknown, owner: string, option: string): string {
  if (typeof value !== 'string') throw new TypeError(`${owner}: ${option} must be a string, got ${inspect(value)}`);
  if (value === '' || value.includes('/') || value === '.') {
    throw new RangeError(`${owner}: ${option} must be a dataset name, not empty and without '/', got ${inspect(value)}`);
  }
  return value;
}

function checkMetadata(value: unknown, node: string, owner: string): Readonly<Record<string, HDFMetadataValue>> {
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${owner}: metadata must be an object {name: value} or null, got ${inspect(value)}`);
  }
  const checked: Record<string, HDFMetadataValue> = {};
  for (const [name, item] of Object.entries(value)) {
    checkName(name, owner, 'a metadata name');
    if (name === node) throw new RangeError(`${owner}: metadata '${name}' has the name of the stream's dataset (node)`);
    const valid =
      typeof item === 'number' ||
      typeof item === 'string' ||
      (ArrayBuffer.isView(item) && !(item instanceof DataView)) ||
      (Array.isArray(item) && item.length > 0 &&
        (item.every((v) => typeof v === 'number') || item.every((v) => typeof v === 'string')));
    if (!valid) {
      throw new TypeError(
        `${owner}: metadata.${name} must be a number, a string, a typed array or a non-empty array of numbers or of strings, got ${inspect(item)}`,
      );
    }
    checked[name] = item as HDFMetadataValue;
  }
  return checked;
}
