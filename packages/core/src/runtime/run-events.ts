/**
 * Run events: how the main thread of a script (or the web UI) follows a run
 * without polling. They are emitted in the main thread only, from its own
 * event loop: a listener never slows a Block down, whatever it does.
 * @module
 */
import { EventEmitter } from 'eventemitter3';
import type { LogRecord } from '../logging/log-record.js';

/**
 * Where a run is: `'preparing'` (its workers start and prepare their Blocks),
 * `'running'` (from `t0`), `'paused'` (the run's pause event is set),
 * `'stopping'` (stop was set: the Blocks finish), `'ended'`.
 */
export type RunPhase = 'preparing' | 'running' | 'paused' | 'stopping' | 'ended';

/** A Block, or its thread, failed: the run stops and will end in `CrappyFail`. */
export interface BlockErrorEvent {
  /** The Block's name, e.g. `crappy.Recorder-1`. */
  block: string;
  /** What failed and why, e.g. `crappy.Recorder-1 failed in loop(): Error: …`. */
  cause: string;
}

/** A Link dropped messages since the last such event (it was full, with `whenFull: 'drop'`). */
export interface LinkDropEvent {
  /** The Link's name. */
  link: string;
  /** The sending Block's name. */
  sender: string;
  /** The receiving Block's name. */
  receiver: string;
  /** Messages dropped since the previous event for this Link. */
  dropped: number;
  /** Messages this Link dropped since the start of the run. */
  totalDropped: number;
}

/** How a run ended. */
export interface RunEndEvent {
  /** `'completed'` (a normal end), `'failed'` (`CrappyFail`) or `'interrupted'` (Ctrl+C, `KeyboardInterrupt`). */
  outcome: 'completed' | 'failed' | 'interrupted';
  /** What made the run fail, first cause first (empty unless it failed). */
  failures: string[];
}

/** The events of {@link events}, with their listeners' signatures. */
export interface RunEventMap {
  /** The run moved to a new state. */
  state: (state: RunPhase) => void;
  /** A Block or its thread failed. */
  blockError: (error: BlockErrorEvent) => void;
  /** A Link dropped messages (checked 4 times a second while the run goes, and at its end). */
  linkDrop: (drop: LinkDropEvent) => void;
  /** A log record of the run, from the main thread or a Block, at or above the run's log level. */
  log: (record: LogRecord) => void;
  /** The run ended, after every Block's `finish()` and the cleanup, just before `start()` settles. */
  end: (end: RunEndEvent) => void;
}

/**
 * The run events, in the main thread (in a Block's worker, nothing is ever
 * emitted):
 *
 * ```ts
 * crappy.events.on('state', (state) => console.log(`run ${state}`));
 * crappy.events.on('linkDrop', ({ link, dropped }) => console.warn(`${link} dropped ${dropped}`));
 * ```
 *
 * A listener that throws is reported on stderr and does not disturb the run.
 */
export const events = new EventEmitter<RunEventMap>();

/** Emits a run event, shielding the run from its listeners' errors. @internal */
export function emitRunEvent<Name extends keyof RunEventMap>(name: Name, ...args: Parameters<RunEventMap[Name]>): void {
  try {
    (events.emit as (event: Name, ...values: Parameters<RunEventMap[Name]>) => boolean)(name, ...args);
  } catch (error) {
    process.stderr.write(`crappy: a listener of the '${name}' run event threw: ${(error as Error)?.stack ?? String(error)}\n`);
  }
}
