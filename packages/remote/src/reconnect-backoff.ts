/** Shortest wait before trying to reach a lost broker again, in seconds. */
export const FIRST_RECONNECT_DELAY = 0.1;
/** Longest wait between two attempts to reach a lost broker, in seconds. */
export const LAST_RECONNECT_DELAY = 5;

/**
 * The waits between attempts to reach a lost broker: doubling from
 * {@link FIRST_RECONNECT_DELAY} up to {@link LAST_RECONNECT_DELAY}, so that
 * a short outage is over quickly and a long one does not flood the network.
 */
export class ReconnectBackoff {
  private attempts = 0;

  /** The wait before the next attempt, in seconds; each call counts one attempt. */
  next(): number {
    const delay = Math.min(LAST_RECONNECT_DELAY, FIRST_RECONNECT_DELAY * 2 ** this.attempts);
    this.attempts += 1;
    return delay;
  }

  /** Attempts since the broker was last reached. */
  get count(): number {
    return this.attempts;
  }

  /** Starts over, once the broker is reached. */
  reset(): void {
    this.attempts = 0;
  }
}
