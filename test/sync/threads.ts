/**
 * Helpers for tests that need real worker threads running the library's own
 * code. Node 20 workers cannot load TypeScript, so the modules a worker needs
 * are bundled from packages/core/src with esbuild (the same tool the runtime
 * uses for Block workers): the worker always runs the current sources, never
 * a stale build.
 */
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const CORE_SRC = fileURLToPath(new URL('../../packages/core/src/', import.meta.url));

/** What the bundle exposes to worker code, as the global `core`. */
const ENTRY = `
export { Barrier } from './sync/barrier.ts';
export { SharedEvent } from './sync/shared-event.ts';
export { SharedValue } from './sync/shared-value.ts';
export { ControlBlock } from './sync/control-block.ts';
export { RingBuffer, RingReader, RingWriter } from './link/ring-buffer.ts';
export { MessageEncoder, MessageDecoder } from './link/codec.ts';
export { Link } from './link/link.ts';
export { Doorbell } from './link/doorbell.ts';
export { eventLoopInUse } from './block/event-loop-use.ts';
export * from './errors.ts';
`;

let bundled: string | null = null;

/** The core's sync and link modules as a script defining the global `core`. */
export function coreBundle(): string {
  bundled ??= buildSync({
    stdin: { contents: ENTRY, resolveDir: CORE_SRC, loader: 'ts', sourcefile: 'worker-core.ts' },
    bundle: true,
    platform: 'node',
    format: 'iife',
    globalName: 'core',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return bundled;
}

/** A worker thread started by {@link startWorker}. */
export interface TestWorker {
  readonly worker: Worker;
  /** Every message the worker posted so far, in order. */
  readonly messages: unknown[];
  /** Resolves with the first message for which `match` is true (rejects if the worker fails or exits first). */
  next(match?: (message: unknown) => boolean): Promise<unknown>;
  /** Resolves once the worker exited, with its exit code (rejects if it threw). */
  readonly exited: Promise<number>;
}

/**
 * Starts a worker running `body` (plain JavaScript, the body of an async
 * function) with `core` (see {@link coreBundle}), `workerData`, `post(value)`
 * and `sleepMs(ms)` (a blocking sleep) in scope.
 */
export function startWorker(body: string, workerData: unknown = {}): TestWorker {
  const code = `${coreBundle()}
const { parentPort, workerData } = require('node:worker_threads');
const post = (value) => parentPort.postMessage(value);
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
const sleepMs = (ms) => Atomics.wait(sleepCell, 0, 0, ms);
(async () => {
${body}
})().then(
  () => {},
  (error) => { setImmediate(() => { throw error; }); },
);
`;
  const worker = new Worker(code, { eval: true, workerData });
  const messages: unknown[] = [];
  const waiters: { match: (m: unknown) => boolean; resolve: (m: unknown) => void; reject: (e: unknown) => void }[] = [];
  let failure: unknown = null;
  let done = false;
  const fail = (error: unknown): void => {
    failure ??= error;
    for (const w of waiters.splice(0)) w.reject(failure);
  };
  worker.on('message', (message: unknown) => {
    messages.push(message);
    for (let i = 0; i < waiters.length; i++) {
      if (waiters[i]!.match(message)) {
        waiters[i]!.resolve(message);
        waiters.splice(i, 1);
        i--;
      }
    }
  });
  const exited = new Promise<number>((resolve, reject) => {
    worker.on('error', (error) => {
      fail(error);
      reject(error);
    });
    worker.on('exit', (code) => {
      done = true;
      fail(new Error(`worker exited (code ${code}) before posting the awaited message`));
      resolve(code);
    });
  });
  exited.catch(() => {});
  return {
    worker,
    messages,
    exited,
    next(match = () => true) {
      const seen = messages.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      if (failure !== null || done) return Promise.reject(failure ?? new Error('worker already exited'));
      return new Promise((resolve, reject) => waiters.push({ match, resolve, reject }));
    },
  };
}

/** Resolves after `ms` milliseconds without blocking the event loop. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `condition` every few milliseconds until it holds; rejects after
 * `timeoutMs` (generous by default: a loaded machine may be slow).
 */
export async function until(condition: () => boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(2);
  }
}

/** Blocks the calling thread for `ms` milliseconds. */
export function blockingSleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
