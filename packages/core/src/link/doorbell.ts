const COUNTER = 0;
const SLEEPING = 1;

/**
 * One per receiving Block: lets the senders of its Links wake it when it
 * sleeps waiting for data, without a syscall when it does not sleep.
 */
export class Doorbell {
  private readonly cells: Int32Array;

  /** Wraps a buffer made by {@link Doorbell.create}. */
  constructor(readonly buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer);
  }

  /** Allocates a doorbell. */
  static create(): Doorbell {
    return new Doorbell(new SharedArrayBuffer(8));
  }

  /** Wakes the receiver if it sleeps (called by senders after each write). */
  ring(): void {
    if (Atomics.load(this.cells, SLEEPING) !== 0) this.wake();
  }

  /** Wakes the receiver unconditionally (on stop). */
  wake(): void {
    Atomics.add(this.cells, COUNTER, 1);
    Atomics.notify(this.cells, COUNTER);
  }

  /**
   * Sleeps up to `ms` milliseconds unless `hasData()` says there already is
   * something to read, or a sender rings.
   */
  sleep(ms: number, hasData: () => boolean): void {
    const seen = Atomics.load(this.cells, COUNTER);
    Atomics.store(this.cells, SLEEPING, 1);
    if (!hasData()) Atomics.wait(this.cells, COUNTER, seen, ms);
    Atomics.store(this.cells, SLEEPING, 0);
  }
}
