/**
 * Numbers of condition strings, read as Python's `float()` reads them.
 * @module
 */

/** Digits, with single underscores allowed between them (`1_000`). */
const DIGITS = String.raw`\d(?:_?\d)*`;
/** What Python's `float()` accepts, spaces aside: decimals, exponents, `inf`, `infinity`, `nan` (any case), with a sign. */
const PYTHON_FLOAT = new RegExp(
  String.raw`^[+-]?(?:(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:e[+-]?${DIGITS})?|inf(?:inity)?|nan)$`,
  'i',
);

/**
 * Reads a number as Python's `float()` does: `5`, `-0.5`, `.5`, `1.`,
 * `1e3`, `1_000`, `inf`, `-Infinity`, `nan` (words in any case).
 * @returns the number, or `null` when `text` is not one
 */
export function parsePythonFloat(text: string): number | null {
  if (!PYTHON_FLOAT.test(text)) return null;
  const plain = text.replaceAll('_', '').toLowerCase();
  const sign = plain.startsWith('-') ? -1 : 1;
  const unsigned = plain.replace(/^[+-]/, '');
  if (unsigned.startsWith('inf')) return sign * Infinity;
  if (unsigned === 'nan') return Number.NaN;
  return Number(plain);
}
