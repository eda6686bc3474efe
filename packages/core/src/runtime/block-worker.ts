import { Worker } from 'node:worker_threads';
import type { Block } from '../block/block.js';
import type { MainMessage, WorkerInfo, WorkerMessage } from './worker-info.js';
import { WORKER_DATA_KEY } from './worker-info.js';

/** What the main thread does with the events of a Block's worker. */
export interface BlockWorkerHandlers {
  /** A message from the worker (a log record, a renice acknowledgement). */
  message(worker: BlockWorker, message: WorkerMessage): void;
  /** An uncaught error ended the worker. */
  error(worker: BlockWorker, error: Error): void;
  /** The worker ended. */
  exit(worker: BlockWorker, code: number): void;
}

/** The main thread's handle on the worker thread hosting one Block. */
export class BlockWorker {
  /** The thread. */
  readonly worker: Worker;
  /** Settles with the exit code once the thread has ended. */
  readonly exited: Promise<number>;
  /** Whether the thread still runs. */
  alive = true;
  /** Whether the main thread ended it with {@link BlockWorker.terminate}. */
  terminated = false;

  /**
   * Starts the thread: it re-runs `entry` and hosts `block`.
   * @param entry file the worker runs (the user's script, compiled if needed)
   * @param execArgv Node flags for the worker
   */
  constructor(readonly block: Block, entry: URL, info: WorkerInfo, execArgv: string[], handlers: BlockWorkerHandlers) {
    this.worker = new Worker(entry, {
      workerData: { [WORKER_DATA_KEY]: info },
      execArgv,
      argv: process.argv.slice(2),
      name: block.name,
    });
    this.worker.on('message', (message: WorkerMessage) => handlers.message(this, message));
    this.worker.on('error', (error: Error) => handlers.error(this, error));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.alive = false;
        handlers.exit(this, code);
        resolve(code);
      });
    });
  }

  /** Sends a message to the worker. */
  post(message: MainMessage): void {
    this.worker.postMessage(message);
  }

  /** Ends the thread at once, even in a synchronous loop (`finish()` does not run). */
  async terminate(): Promise<void> {
    this.terminated = true;
    await this.worker.terminate();
  }
}
