import { parentPort, type TransferListItem } from 'node:worker_threads';
import type { Block } from '../block/block.js';
import type { Link } from '../link/link.js';
import type { LogLevel } from '../logging/levels.js';
import type { ControlBlock } from '../sync/control-block.js';
import { workerInfo, type MainMessage } from './worker-info.js';

/**
 * Options that run extensions add to {@link PrepareOptions} and
 * {@link StartOptions}, by declaration merging (e.g. `@crappy/ui` adds `ui`).
 */
export interface ExtensionOptions {}

/** What a run extension sees of a run, in the main thread. */
export interface RunContext {
  /** The run's Blocks, in creation order (their index is their worker's). */
  readonly blocks: readonly Block[];
  /** The run's Links, in creation order; their `stats` are live. */
  readonly links: readonly Link[];
  /** The run's control block: events (start, pause, stop...) and `t0`. */
  readonly control: ControlBlock;
  /** The extension's own option of `start()`/`prepare()` (its `optionKey`), if given. */
  readonly options: unknown;
  /** Logs a message under the name `crappy`. */
  log(level: LogLevel, message: string): void;
  /** Sends `data` to the worker of the Block at `blockIndex` (see {@link onMainMessage}). */
  post(blockIndex: number, data: unknown): void;
  /**
   * Data handed to every Block's worker (cloned; put `SharedArrayBuffer`s in
   * it to share memory); read it in {@link RunExtension.onWorker}.
   */
  workerData: unknown;
}

/**
 * A hook into every run, registered by a package (the web UI) with
 * {@link registerRunExtension}. Its methods run in the main thread, except
 * {@link RunExtension.onWorker}.
 */
export interface RunExtension {
  /** Unique name; messages between Blocks and the extension are routed by it. */
  readonly name: string;
  /** Key of its option in `start()`/`prepare()` options (e.g. `'ui'`). */
  readonly optionKey?: string;
  /**
   * Called by `prepare()` before any worker starts. Throwing aborts the
   * prepare (nothing started yet), with that error.
   */
  onPrepare?(run: RunContext): void | Promise<void>;
  /** A message a Block's worker sent with {@link sendToMain}. */
  onMessage?(blockIndex: number, data: unknown): void;
  /** Called in a Block's worker, before the Block's `prepare()`, with {@link RunContext.workerData}. */
  onWorker?(block: Block, blockIndex: number, workerData: unknown): void;
  /**
   * Called once the run's Blocks have all ended (or were terminated).
   * Throwing logs an error and fails the run (`CrappyFail`, even when it
   * would otherwise end with `KeyboardInterrupt`); the other extensions
   * still clean up.
   */
  onCleanup?(): void | Promise<void>;
}

const registered = new Map<string, RunExtension>();

/**
 * Registers a run extension (once per name: registering the same name again
 * replaces it, so that a module loaded twice does not run twice).
 */
export function registerRunExtension(extension: RunExtension): void {
  registered.set(extension.name, extension);
}

/** The registered run extensions, in registration order. @internal */
export function runExtensions(): RunExtension[] {
  return [...registered.values()];
}

/**
 * From a Block's worker, sends `data` to the main thread's extension called
 * `name` ({@link RunExtension.onMessage}). Does nothing in the main thread.
 */
export function sendToMain(name: string, data: unknown, transfer?: readonly TransferListItem[]): void {
  if (workerInfo === undefined || parentPort === null) return;
  parentPort.postMessage({ type: 'extension', name, data }, transfer as TransferListItem[] | undefined);
}

/**
 * In a Block's worker, calls `handler` with every message the main
 * thread's extension `name` sent with {@link RunContext.post}. Returns a
 * function that removes the handler. Does nothing in the main thread.
 */
export function onMainMessage(name: string, handler: (data: unknown) => void): () => void {
  if (workerInfo === undefined || parentPort === null) return () => {};
  const port = parentPort;
  const listener = (message: MainMessage): void => {
    if (message.type === 'extension' && message.name === name) handler(message.data);
  };
  port.on('message', listener);
  return () => port.off('message', listener);
}
