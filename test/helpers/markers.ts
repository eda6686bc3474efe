import { expect } from 'vitest';
import type { ScriptResult } from './run-script.js';

/** One `@@ {json}` line printed by a test script (see test/scripts/block/probe.ts). */
export interface Marker {
  event: string;
  /** Whether it was printed by the main thread. */
  main: boolean;
  block?: string;
  tag?: string | null;
  [key: string]: unknown;
}

/** Every marker of a script's stdout, in order. */
export function markers(stdout: string): Marker[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('@@ '))
    .map((line) => JSON.parse(line.slice(3)) as Marker);
}

/** The markers of one event, optionally filtered further. */
export function events(result: ScriptResult | Marker[], event: string, where: Partial<Marker> = {}): Marker[] {
  const all = Array.isArray(result) ? result : markers(result.stdout);
  return all.filter(
    (m) => m.event === event && Object.entries(where).every(([key, value]) => m[key] === value),
  );
}

/** The only marker of one event, printed by the main thread; fails the test otherwise. */
export function mainEvent(result: ScriptResult, event: string): Marker {
  const found = events(result, event, { main: true });
  expect(found, `exactly one '${event}' marker from the main thread\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`).toHaveLength(1);
  return found[0]!;
}

/** A readable dump of a script's output, for assertion messages. */
export function dump(result: ScriptResult): string {
  return `exit ${result.code} (${result.signal ?? 'no signal'}) after ${Math.round(result.elapsedMs)} ms\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}
