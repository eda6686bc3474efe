import { Worker } from 'node:worker_threads';
import type { Message } from '@crappy/core';
import type { HelperMessage, HelperSpec, HelperStats, HelperWorkerData, HostMessage, OverlayItem } from './helper-messages.js';

/** What the Camera Block does with what its helpers say. */
export interface HelperEvents {
  /** A log line of the helper. */
  log(level: number, message: string): void;
  /** A message to send on the Block's outputs. */
  send(data: Message): void;
  /** Overlay items for the camera panel. */
  overlay(title: string, items: OverlayItem[]): void;
  /** A preview for the camera panel. */
  preview(message: Extract<HelperMessage, { type: 'preview' }>): void;
}

/**
 * One helper's worker, owned by the Camera Block's thread: started in the
 * Block's `prepare()`, ready before the test starts, ended in `finish()`
 * (after the ring is closed, it processes what is left, then exits). A
 * helper that fails or exits early is noted in {@link HelperHost.failure}.
 */
export class HelperHost {
  /** Why the helper failed, or `null`. */
  failure: string | null = null;
  /** What the helper reported at its end, once it ended normally. */
  stats: HelperStats | null = null;
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private readonly exited: Promise<void>;
  private ended = false;

  /**
   * Starts the helper's worker.
   * @param spec which helper
   * @param data the ring and where to start
   */
  constructor(readonly spec: HelperSpec, data: Omit<HelperWorkerData, 'spec'>, events: HelperEvents) {
    const workerData: HelperWorkerData = { ...data, spec };
    this.worker = new Worker(new URL('./helper-worker.js', import.meta.url), { workerData });
    let markReady: () => void = () => {};
    let markFailed: (error: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    this.ready.catch(() => {});
    const fail = (cause: string): void => {
      this.failure ??= cause;
      markFailed(new Error(cause));
    };
    this.worker.on('message', (message: HelperMessage) => {
      switch (message.type) {
        case 'ready':
          markReady();
          break;
        case 'log':
          events.log(message.level, message.message);
          break;
        case 'send':
          events.send(message.data);
          break;
        case 'overlay':
          events.overlay(spec.title, message.items);
          break;
        case 'preview':
          events.preview(message);
          break;
        case 'done':
          this.stats = message.stats;
          break;
        case 'error':
          fail(`the ${spec.title} failed: ${message.message}`);
          break;
      }
    });
    this.worker.on('error', (error) => fail(`the ${spec.title} failed: ${error.name}: ${error.message}`));
    this.exited = new Promise((resolve) => {
      this.worker.on('exit', (code) => {
        this.ended = true;
        if (this.stats === null) fail(`the ${spec.title} ended unexpectedly (exit code ${code})`);
        resolve();
      });
    });
  }

  /** Resolves once the helper is ready; rejects with its failure. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Passes the shapes the user drew on the panel to the helper. */
  post(message: HostMessage): void {
    this.worker.postMessage(message);
  }

  /**
   * Waits for the helper to end by itself (the ring must be closed), at most
   * `timeoutMs`, then terminates it. Returns whether it ended by itself.
   */
  async end(timeoutMs: number): Promise<boolean> {
    if (this.ended) return this.stats !== null;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const result = await Promise.race([this.exited.then(() => 'exited' as const), timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.failure ??= `the ${this.spec.title} did not end within ${timeoutMs / 1000} s: terminated`;
      await this.worker.terminate();
      return false;
    }
    return this.stats !== null;
  }
}
