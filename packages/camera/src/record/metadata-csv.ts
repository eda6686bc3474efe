import { appendFileSync, writeFileSync } from 'node:fs';
import type { FrameMetadata } from '../camera.js';

/** Quotes a CSV field when needed, as Python's csv module does. */
function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The `metadata.csv` of a recording: one row per saved frame, with the
 * columns of the first frame's metadata (a header line first), lines ended
 * by `\r\n` as Python's `csv.DictWriter`. Each row is appended at once, so
 * that the file lists every frame saved so far even if the run is killed.
 */
export class MetadataCsv {
  private columns: string[] | null = null;

  /** @param path the file's path */
  constructor(readonly path: string) {}

  /** Appends a frame's row (writing the header first, for the first frame). */
  append(metadata: FrameMetadata): void {
    if (this.columns === null) {
      this.columns = Object.keys(metadata);
      writeFileSync(this.path, this.columns.map(field).join(',') + '\r\n');
    }
    appendFileSync(this.path, this.columns.map((column) => field(metadata[column])).join(',') + '\r\n');
  }
}
