// Marker lines for the record scripts, read by test/helpers/markers.ts.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

/** Prints `@@ {json}` synchronously, from any thread. */
export function mark(event: string, data: Record<string, unknown> = {}): void {
  writeSync(1, `@@ ${JSON.stringify({ event, main: crappy.isMainThread, ...data })}\n`);
}

/** The folder to write to: the first argument after the script. */
export const folder = process.argv[2] ?? '.';
