import { MessageChannel, Worker } from 'node:worker_threads';
import type { Block } from '../block/block.js';
import type { WorkerEntry } from './entry-script.js';
import { HOST_PORT_KEY, type HostMessage } from './worker-boot.js';
import type { MainMessage, WorkerInfo, WorkerMessage } from './worker-info.js';

/** What the main thread does with the events of a Block's worker. */
export interface BlockWorkerHandlers {
  /** A message from the worker (a log record, a renice acknowledgement). */
  message(worker: BlockWorker, message: WorkerMessage): void;
  /** An uncaught error ended the worker. */
  error(worker: BlockWorker, error: Error): void;
  /** The worker ended. */
  exit(worker: BlockWorker, code: number): void;
}

/** The file every Block worker starts from. */
const WORKER_MAIN = new URL('./worker-main.js', import.meta.url);

/**
 * The main thread's handle on the worker thread hosting one Block. The
 * thread starts at once, before the entry is ready (Node boots it while
 * the main thread compiles the entry); {@link BlockWorker.host} then hands
 * it the entry and its run.
 */
export class BlockWorker {
  /** The thread. */
  readonly worker: Worker;
  /** Settles with the exit code once the thread has ended. */
  readonly exited: Promise<number>;
  /** Whether the thread still runs. */
  alive = true;
  /** Whether the main thread ended it with {@link BlockWorker.terminate}. */
  terminated = false;
  private readonly hostPort: MessageChannel['port1'];
  private handlers: BlockWorkerHandlers | null = null;
  /** The thread's events before {@link BlockWorker.host}, handed to the handlers then. */
  private readonly early: Array<(handlers: BlockWorkerHandlers) => void> = [];

  /**
   * Starts the thread that will host `block`.
   * @param execArgv Node flags for the worker
   */
  constructor(readonly block: Block, execArgv: string[]) {
    const { port1, port2 } = new MessageChannel();
    this.hostPort = port1;
    this.worker = new Worker(WORKER_MAIN, {
      workerData: { [HOST_PORT_KEY]: port2 },
      transferList: [port2],
      execArgv,
      argv: process.argv.slice(2),
      name: block.name,
    });
    this.worker.on('message', (message: WorkerMessage) => this.dispatch((handlers) => handlers.message(this, message)));
    this.worker.on('error', (error: Error) => this.dispatch((handlers) => handlers.error(this, error)));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.alive = false;
        this.hostPort.close();
        this.dispatch((handlers) => handlers.exit(this, code));
        resolve(code);
      });
    });
  }

  /** Has the thread load `entry`, which re-runs the script and hosts the Block described by `info`. */
  host(entry: WorkerEntry, info: WorkerInfo, handlers: BlockWorkerHandlers): void {
    this.handlers = handlers;
    for (const event of this.early.splice(0)) event(handlers);
    const message: HostMessage = { entry: entry.url.href, info, compiledFolder: entry.compiledFolder };
    this.hostPort.postMessage(message);
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

  private dispatch(event: (handlers: BlockWorkerHandlers) => void): void {
    if (this.handlers === null) this.early.push(event);
    else event(this.handlers);
  }
}
