import { nowMs, timeoutMs, waitChangeAsync } from './atomics-wait.js';

/**
 * A flag shared between threads, like Python's `multiprocessing.Event`:
 * set, clear, test, and wait for it to be set, synchronously (in workers)
 * or asynchronously (anywhere, without blocking the event loop).
 */
export class SharedEvent {
  /**
   * @param cells the shared cells holding the flag
   * @param index which cell of `cells` is this event's
   */
  constructor(readonly cells: Int32Array, readonly index: number) {}

  /** Creates an event in a buffer of its own. */
  static create(): SharedEvent {
    return new SharedEvent(new Int32Array(new SharedArrayBuffer(4)), 0);
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    Atomics.store(this.cells, this.index, 1);
    Atomics.notify(this.cells, this.index);
  }

  /** Clears the flag and wakes those waiting for it to change. */
  clear(): void {
    Atomics.store(this.cells, this.index, 0);
    Atomics.notify(this.cells, this.index);
  }

  /** Whether the flag is set. */
  isSet(): boolean {
    return Atomics.load(this.cells, this.index) === 1;
  }

  /**
   * Blocks the calling thread until the flag is set or `timeout` seconds pass.
   * Not allowed on threads that may not block (a browser's main thread).
   * @returns whether the flag is set
   */
  wait(timeout?: number | null): boolean {
    const deadline = nowMs() + timeoutMs(timeout);
    while (!this.isSet()) {
      const left = deadline - nowMs();
      if (left <= 0) return false;
      Atomics.wait(this.cells, this.index, 0, left);
    }
    return true;
  }

  /**
   * Waits without blocking until the flag is set or `timeout` seconds pass.
   * @returns whether the flag is set
   */
  async waitAsync(timeout?: number | null): Promise<boolean> {
    const deadline = nowMs() + timeoutMs(timeout);
    while (!this.isSet()) {
      const left = deadline - nowMs();
      if (left <= 0) return false;
      await waitChangeAsync(this.cells, this.index, 0, left);
    }
    return true;
  }
}
