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

/**
 * Waits without blocking the event loop until `cells[index]` no longer holds
 * `value`, or `ms` milliseconds pass. Resolves to false on timeout.
 */
export async function waitChangeAsync(cells: Int32Array, index: number, value: number, ms: number): Promise<boolean> {
  const result = Atomics.waitAsync(cells, index, value, ms);
  if (!result.async) return result.value !== 'timed-out';
  return (await result.value) !== 'timed-out';
}

/** Current time in milliseconds, monotonic, for timeout bookkeeping. */
export function nowMs(): number {
  return performance.now();
}
