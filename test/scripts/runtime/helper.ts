// Imported by entry.ts: where this file is, seen from the thread that runs it.
export const here = { url: import.meta.url, filename: import.meta.filename, dirname: import.meta.dirname };

/** Throws from this file, at the line the test looks for. */
export function failHere(): never {
  throw new Error('failed in helper on purpose'); // THROW-LINE
}
