/**
 * How a Block worker is booted: the main thread starts the thread on
 * `worker-main.js` at once, then hands it, on a port of its own, the entry
 * to load and its {@link WorkerInfo}. Shared by both sides; imports no code,
 * so that the worker loads nothing of Crappy before its entry.
 * @module
 */
import type { WorkerInfo } from './worker-info.js';

/** Key of Crappy's data in a Block worker's `workerData`, set by `worker-main.js` before the entry loads. */
export const WORKER_DATA_KEY = '__crappyBlockWorker';

/** Key, in a booting worker's `workerData`, of the port its {@link HostMessage} comes on. */
export const HOST_PORT_KEY = '__crappyHostPort';

/** What the main thread hands a booting worker once the entry is ready. */
export interface HostMessage {
  /** URL of the module to load: the user's script, or its compiled entry. */
  entry: string;
  /** The worker's run and Block. */
  info: WorkerInfo;
  /**
   * URL of the folder of a compiled entry, whose frames in stack traces are
   * mapped back to the user's sources; null for a JavaScript entry.
   */
  compiledFolder: string | null;
}
