/**
 * One line of CSV, written the way Python's `csv.writer` does with its
 * default dialect and `'\n'` line ends.
 * @module
 */

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Formats one CSV line: cells separated by commas, ended by `'\n'`. Only
 * the cells that hold a comma, a double quote, `'\r'` or `'\n'` are quoted,
 * with their double quotes doubled; a line made of one empty cell is written
 * `""` so that it is not read as an empty line.
 */
export function csvRow(cells: readonly string[]): string {
  if (cells.length === 1 && cells[0] === '') return '""\n';
  return `${cells.map((cell) => (NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')}\n`;
}

/**
 * The text of a value in a CSV cell: `String(value)` (so `2`, not Python's
 * `2.0`; `true`, not `True`; `null`, not `None`), except plain objects,
 * written as JSON instead of `[object Object]`.
 */
export function csvCell(value: unknown): string {
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return JSON.stringify(value);
  }
  return String(value);
}
