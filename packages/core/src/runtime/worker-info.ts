import { workerData } from 'node:worker_threads';
import type { GraphSignature } from './graph.js';
import type { RunHistory } from './run-history.js';
import { WORKER_DATA_KEY } from './worker-boot.js';

/** What the main thread hands a Block's worker. */
export interface WorkerInfo {
  /** Which `prepare()`/`start()` call of the script this run is (1 for the first). */
  runIndex: number;
  /** Index of this worker's Block in the run's Blocks. */
  blockIndex: number;
  /** The run's control block. */
  control: SharedArrayBuffer;
  /** Buffers of the run's Links, in creation order. */
  links: SharedArrayBuffer[];
  /** Doorbells of the run's Blocks, in creation order. */
  doorbells: SharedArrayBuffer[];
  /** Absolute path of the script the main thread runs. */
  script: string;
  /** Global log threshold, `null` when logging is off. */
  logLevel: number | null;
  /** The graph the main thread built, to check the rebuilt one against. */
  graph: GraphSignature;
  /** Data of the run extensions, by extension name (see `registerRunExtension`). */
  extensions?: Record<string, unknown>;
  /** How the script's earlier runs ended in the main thread, to end them the same way. */
  history: RunHistory;
}

/** Messages from a Block's worker to the main thread. */
export type WorkerMessage =
  | { type: 'log'; record: import('../logging/log-record.js').LogRecord }
  | { type: 'reniced' }
  | { type: 'failure'; cause: string }
  | { type: 'report'; report: unknown }
  | { type: 'extension'; name: string; data: unknown };

/** Messages from the main thread to a Block's worker. */
export type MainMessage = { type: 'renice'; allowRoot: boolean } | { type: 'extension'; name: string; data: unknown };

/** This thread's worker info, when it is a Crappy Block worker (`worker-main.js` puts it in `workerData` before loading the entry). */
export const workerInfo: WorkerInfo | undefined = (workerData as Record<string, unknown> | null | undefined)?.[
  WORKER_DATA_KEY
] as WorkerInfo | undefined;

/**
 * True in the main thread of a Crappy script, false in the worker threads
 * that re-run the script to host its Blocks. Guard side effects (printing,
 * creating folders) with it.
 */
export const isMainThread: boolean = workerInfo === undefined;
