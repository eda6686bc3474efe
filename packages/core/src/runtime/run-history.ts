/**
 * How the earlier runs of the script ended in the main thread, so that the
 * workers of a later run, which re-run the script from the top, see the same
 * outcomes: a step that threw in the main thread throws there too (same
 * class for Crappy's and JavaScript's own errors, same name and message), so
 * a script that catches a failed run and tries again takes the same path in
 * every thread. Not replayed: a `renice()` or `launch()` that threw with no
 * run prepared (a script error), and a second failure of the same step of
 * one run.
 * @module
 */
import { session } from './session.js';
import * as errors from '../errors.js';

/** The steps of a run whose failure is replayed. */
export type RunStep = 'prepare' | 'renice' | 'launch';

/** A failure as it is handed to the workers. */
export interface ErrorCopy {
  /** The error's name, e.g. `CrappyFail`. */
  name: string;
  /** The error's message. */
  message: string;
  /** Whether the main thread had forgotten the graph afterwards (a cleanup resets the run state). */
  reset: boolean;
}

/** What each `prepare()` call of the script ended with; entry k is call k + 1. */
export type RunHistory = Partial<Record<RunStep, ErrorCopy>>[];

/** The error classes rebuilt as themselves (Crappy's and JavaScript's); any other name gives an `Error` of that name. */
const CLASSES: Record<string, new (message: string) => Error> = {
  ...(errors as unknown as Record<string, new (message: string) => Error>),
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
};

/**
 * Notes, in the main thread, that `step` of the run of `prepare()` call
 * number `call` threw `error`.
 * @param reset whether the run state was reset by then
 */
export function recordFailure(call: number, step: RunStep, error: unknown, reset: boolean): void {
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  (session.history[call - 1] ??= {})[step] = { name, message, reset };
}

/** The outcomes of the calls before call number `call`, for its workers. */
export function historyBefore(call: number): RunHistory {
  return session.history.slice(0, call - 1).map((outcome) => ({ ...outcome }));
}

/**
 * In a worker: throws again what `step` of call number `call` threw in the
 * main thread, if it did, after `reset()` when the main thread had reset the
 * run state too.
 */
export function replayFailure(runs: RunHistory, call: number, step: RunStep, reset: () => void): void {
  const copy = runs[call - 1]?.[step];
  if (copy === undefined) return;
  if (copy.reset) reset();
  const error = new (CLASSES[copy.name] ?? Error)(copy.message);
  if (error.name !== copy.name) error.name = copy.name;
  throw error;
}
