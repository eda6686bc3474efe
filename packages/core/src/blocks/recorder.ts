import { appendFileSync, writeFileSync } from 'node:fs';
import { Block, type DataLists, type MaybePromise } from '../block/block.js';
import { LogLevel } from '../logging/levels.js';
import { checkOptions, labelOption, labelsOption, numberOption, requiredArguments } from '../options/index.js';
import { applyStandardOptions, STANDARD_OPTIONS, type StandardBlockOptions } from '../options/standard.js';
import { csvCell, csvRow } from './csv-row.js';
import { closestName } from '../util/closest-name.js';
import { andThen } from '../util/maybe-async.js';
import { claimOutputPath, FILE_PATH } from './record-path.js';
import { runMetadata } from './run-metadata.js';

/** Options of {@link Recorder}. */
export interface RecorderOptions extends StandardBlockOptions {
  /** Target loops per second, `null` for as fast as possible (default 200). */
  freq?: number | null;
  /** Seconds of data gathered between two writes (default 2). */
  delay?: number;
  /** The labels to save, in this order (default: every label of the first data received, in its order). */
  labels?: string | readonly string[] | null;
}

const OPTIONS = ['delay', 'labels', ...STANDARD_OPTIONS];

/** What a Recorder's worker tells the main thread's Recorder at the end of a run. */
interface RecorderReport {
  path: string;
  columns: string[] | null;
  fileInitialized: boolean;
}

/**
 * Saves the data of one upstream Block to a CSV file: a header line with
 * the labels, then one line per received message, lines ended by `'\n'`,
 * cells quoted only when they must be.
 *
 * - Missing parent folders are created; an existing file is never
 *   overwritten: the data goes to `<stem>_00001<suffix>` (or the next free
 *   index) instead.
 * - The file is created when the first data arrives; then the received data
 *   is appended every `delay` seconds, and once more when the run ends,
 *   whatever the reason, so that the file holds everything the Link
 *   delivered.
 * - Next to it, `<file>.meta.json` describes the run (see {@link RunMetadata}).
 *
 * It takes exactly one input Link; to save several Blocks' data, use one
 * Recorder per Block or merge them with a Multiplexer.
 */
export class Recorder extends Block {
  /** The file asked for (the one written may have an index added, see {@link Recorder.path}). */
  readonly filePath: string;
  /** Seconds of data gathered between two writes. */
  readonly delay: number;
  /** The labels to save, as given (`null`: those of the first data received). */
  readonly recordLabels: readonly string[] | null;

  #path: string;
  #columns: string[] | null;
  #fileInitialized = false;
  /** Set once labels were found missing: the error is reported once, not again by `finish()`. */
  #labelsMissing = false;

  /**
   * @param options the options with `filePath` (or `fileName`, the original's name), as the original's keyword arguments
   * @throws TypeError without a file
   */
  constructor(options: RecorderOptions & ({ filePath: string } | { fileName: string }));
  /**
   * @param filePath the CSV file to write, absolute or relative to the working folder
   * @throws TypeError for an option of the wrong type; RangeError for a negative or infinite delay
   */
  constructor(filePath: string, options?: RecorderOptions);
  constructor(...args: unknown[]) {
    super();
    const owner = this.constructor.name;
    const { values: [filePath], options = {} } = requiredArguments<RecorderOptions>(args, [FILE_PATH], owner);
    this.filePath = labelOption(filePath, undefined, owner, 'filePath');
    const checked = checkOptions(options, OPTIONS, owner);
    this.delay = numberOption(checked.delay, 2, owner, 'delay', { min: 0, expected: 'a finite number of seconds ≥ 0' });
    this.recordLabels = labelsOption(checked.labels, owner, 'labels', true);
    applyStandardOptions(this, options, 200, owner);
    this.niceness = -5;
    this.#path = this.filePath;
    this.#columns = this.recordLabels === null ? null : [...this.recordLabels];
  }

  /**
   * The file written: {@link Recorder.filePath}, or the free name chosen in
   * `prepare()` if it existed. In the main thread, it is the file the
   * Block's worker wrote once `start()` has returned.
   */
  get path(): string {
    return this.#path;
  }

  /** The sidecar file describing the run: `<path>.meta.json`. */
  get metadataPath(): string {
    return `${this.#path}.meta.json`;
  }

  /** Whether the file was created and its header written, which happens when the first data arrives. */
  get fileInitialized(): boolean {
    return this.#fileInitialized;
  }

  /** The labels saved, in column order; `null` until known (from the first data, without the labels option). */
  get columns(): readonly string[] | null {
    return this.#columns;
  }

  /**
   * Checks that there is exactly one input Link, creates the folder and
   * chooses a free file name.
   * @throws RangeError without an input Link or with several; Error when the folder cannot be created
   */
  override prepare(): void {
    if (this.inputs.length !== 1) {
      throw new RangeError(
        this.inputs.length === 0
          ? `${this.name}: a Recorder needs one input Link, it has none`
          : `${this.name}: a Recorder takes exactly one input Link, it has ${this.inputs.length}; use one Recorder per Block or a Multiplexer`,
      );
    }
    this.#path = claimOutputPath(this, this.filePath);
  }

  /** Writes `<file>.meta.json`, now that the run's start time is known. */
  override begin(): void {
    writeFileSync(this.metadataPath, `${JSON.stringify(runMetadata(this.#path, this.t0), null, 2)}\n`);
  }

  /**
   * Waits for the first data, writes the header, then appends what arrives every `delay` seconds.
   * @returns a Promise only when `recvAllData()` returns one (it does in a run)
   */
  override loop(): MaybePromise {
    if (!this.#fileInitialized && !this.dataAvailable()) return;
    return andThen(this.recvAllData(this.delay), (data) => this.#write(data));
  }

  /** The file written and its columns, for the main thread's Recorder. */
  override runReport(): RecorderReport {
    return { path: this.#path, columns: this.#columns, fileInitialized: this.#fileInitialized };
  }

  /** In the main thread: takes the file its worker wrote, so that {@link Recorder.path} names it after the run. */
  override adoptRunReport(report: RecorderReport): void {
    this.#path = report.path;
    this.#columns = report.columns;
    this.#fileInitialized = report.fileInitialized;
  }

  /** Appends what is still waiting in the Link, so that nothing received is lost. */
  override finish(): void {
    if (this.#labelsMissing || (!this.#fileInitialized && !this.dataAvailable())) return;
    this.#write(this.recvAllData());
  }

  /**
   * Throws, once, when a label to save is not among those received, naming
   * what did arrive and the label that was probably meant.
   */
  #checkLabels(received: readonly string[]): void {
    const missing = this.#columns!.filter((label) => !received.includes(label));
    if (missing.length === 0 || received.length === 0) return;
    this.#labelsMissing = true;
    const hints = missing.flatMap((label) => {
      const meant = closestName(label, received);
      return meant === undefined ? [] : [`'${meant}' for '${label}'`];
    });
    throw new Error(
      `${this.name}: Not all labels received from upstream Block: ${missing.map((label) => `'${label}'`).join(', ')} ` +
        `never arrived; it sends ${received.map((label) => `'${label}'`).join(', ')}` +
        (hints.length > 0 ? `. Did you mean ${hints.join(', ')}?` : ''),
    );
  }

  #write(data: DataLists): void {
    const received = Object.keys(data);
    if (!this.#fileInitialized) this.#columns ??= received;
    this.#checkLabels(received);
    if (!this.#fileInitialized) {
      this.log(LogLevel.INFO, `Writing the header of ${this.#path}`);
      writeFileSync(this.#path, csvRow(this.#columns!));
      this.#fileInitialized = true;
    }
    const columns = this.#columns!;
    if (columns.length === 0 || received.length === 0) return;
    const lists = columns.map((label) => data[label]!);
    const rows = Math.min(...lists.map((list) => list.length));
    if (lists.some((list) => list.length !== rows)) {
      const lengths = columns.map((label, i) => `${label}: ${lists[i]!.length}`).join(', ');
      this.log(LogLevel.WARNING, `Labels with different numbers of values (${lengths}): only ${rows} rows written`);
    }
    let text = '';
    for (let row = 0; row < rows; row++) text += csvRow(lists.map((list) => csvCell(list[row])));
    this.log(LogLevel.DEBUG, `Writing ${rows} rows to ${this.#path}`);
    appendFileSync(this.#path, text);
  }
}
