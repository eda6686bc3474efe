/**
 * Messages written as Python writes them (`repr`), for the log lines that
 * users of the original compare with: `{'a': 1, 't(s)': 0.5}`.
 * @module
 */
import { isPlainObject } from '../message/message.js';

/** Characters Python does not print as they are in a string's `repr`: controls, format characters, separators but the space, surrogates, private use, unassigned. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/**
 * A value written as Python's `repr` writes the same value:
 * - objects as dicts, `{'key': value, ...}`, in their key order;
 * - arrays and typed arrays as lists, `[1, 2]`;
 * - strings in single quotes (in double quotes when they hold a single
 *   quote and no double quote), with Python's escapes (`\n`, `\\`, `\x00`...);
 * - `true`, `false`, `null` and `undefined` as `True`, `False`, `None`;
 * - numbers as JavaScript writes them (`2`, not Python's `2.0`), except
 *   `NaN` and `±Infinity`, written `nan` and `inf` / `-inf`;
 * - anything else as `String(value)`.
 */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return numberRepr(value);
  if (typeof value === 'string') return stringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return `[${Array.from(value as unknown as ArrayLike<unknown>, pythonRepr).join(', ')}]`;
  }
  if (isPlainObject(value)) {
    const items = Object.entries(value).map(([key, item]) => `${stringRepr(key)}: ${pythonRepr(item)}`);
    return `{${items.join(', ')}}`;
  }
  return String(value);
}

function numberRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) body += escapeChar(char, quote);
  return `${quote}${body}${quote}`;
}

function escapeChar(char: string, quote: string): string {
  switch (char) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case quote:
      return `\\${quote}`;
    case ' ':
      return ' ';
  }
  if (!NOT_PRINTABLE.test(char)) return char;
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}
