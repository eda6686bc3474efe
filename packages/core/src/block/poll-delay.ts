/**
 * Checks the arguments of `recvAllData(delay, pollDelay)` before anything is read.
 * @throws RangeError for a `pollDelay` ≤ 0, or ≥ 0.9 × `delay` when both are given
 */
export function validatePollDelay(delay: number | null | undefined, pollDelay: number | null | undefined): void {
  if (delay !== undefined && delay !== null && typeof delay !== 'number') {
    throw new TypeError(`recvAllData(): delay must be a number of seconds or null, got ${typeof delay}`);
  }
  if (pollDelay === undefined || pollDelay === null) return;
  if (typeof pollDelay !== 'number' || !(pollDelay > 0)) {
    throw new RangeError(`recvAllData(): pollDelay must be a positive number of seconds, got ${String(pollDelay)}`);
  }
  if (delay !== undefined && delay !== null && pollDelay >= 0.9 * delay) {
    throw new RangeError(`recvAllData(): pollDelay (${pollDelay} s) must be less than 0.9 × delay (${delay} s)`);
  }
}
