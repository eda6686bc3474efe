/**
 * The script's session in this thread: what outlives each run, and the run
 * under way. One object owns it; the main thread and the Block workers use
 * the parts that concern them. The graph being built and the current run's
 * shared objects are the run state (`block/run-state.ts`), where Blocks and
 * Links register themselves.
 * @module
 */
import type { MainRun } from './orchestrator.js';
import type { RunHistory } from './run-history.js';

/** What a thread knows of the script's runs. */
export interface Session {
  /**
   * Calls of `prepare()` so far, failed ones included: the main thread and
   * the workers count them the same way, so that a worker finds the run it
   * was made for.
   */
  prepareCalls: number;
  /** In the main thread: the run under way, from `prepare()` to its cleanup. */
  run: MainRun | null;
  /** In the main thread: how each `prepare()` call's steps ended, handed to the workers of later runs. */
  readonly history: RunHistory;
  /** In a Block's worker: whether it is passing over an earlier run of the script. */
  skipping: boolean;
}

/** This thread's session. */
export const session: Session = { prepareCalls: 0, run: null, history: [], skipping: false };
