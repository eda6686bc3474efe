/**
 * Thin helpers over `Atomics.wait` / `Atomics.waitAsync` shared by the
 * synchronisation primitives.
 * @module
 */

/** Converts an optional timeout in seconds to the milliseconds Atomics expects. */
export function timeoutMs(timeout: number | null | undefined): number {
  if (timeout === null || timeout === undefined) return Infinity;
  return Math.max(0, timeout * 1000);
}

/** Period of the do-nothing timer holding the event loop during a wait (below the 2^31 ms limit of Node timers). */
const KEEP_ALIVE_PERIOD_MS = 2 ** 30;

/**
 * Waits without blocking the event loop until `cells[index]` no longer holds
 * `value`, or `ms` milliseconds pass. Resolves to false on timeout.
 */
export async function waitChangeAsync(cells: Int32Array, index: number, value: number, ms: number): Promise<boolean> {
  const result = Atomics.waitAsync(cells, index, value, ms);
  if (!result.async) return result.value !== 'timed-out';
  // A pending Atomics.waitAsync does not keep Node's event loop alive: without
  // this timer a thread with nothing else to do would exit in the middle of
  // the wait (the main thread with "unsettled top-level await").
  const keepAlive = setInterval(() => {}, KEEP_ALIVE_PERIOD_MS);
  try {
    return (await result.value) !== 'timed-out';
  } finally {
    clearInterval(keepAlive);
  }
}

/** A cell nobody notifies, for {@link blockFor}. */
const neverNotified = new Int32Array(new SharedArrayBuffer(4));

/**
 * Blocks the calling thread for `ms` milliseconds in one `Atomics.wait`
 * (precise to the kernel's timer slack, unlike a timer): the event loop does
 * not turn meanwhile.
 * @throws TypeError where the thread may not block (`Atomics.wait` is not allowed)
 */
export function blockFor(ms: number): void {
  Atomics.wait(neverNotified, 0, 0, Math.max(0, ms));
}

/** Current time in milliseconds, monotonic, for timeout bookkeeping. */
export function nowMs(): number {
  return performance.now();
}
