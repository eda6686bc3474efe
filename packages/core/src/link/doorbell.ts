const COUNTER = 0;
const SLEEPING = 1;
const RESTING = 2;

/**
 * One per Block: lets the senders of its Links wake it when it sleeps
 * waiting for data, without a syscall when it does not sleep; and tells the
 * receivers of its Links whether it is asleep, so that they do not spin
 * waiting for data it cannot send before it wakes up.
 */
export class Doorbell {
  private readonly cells: Int32Array;

  /** Wraps a buffer made by {@link Doorbell.create}. */
  constructor(readonly buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer);
  }

  /** Allocates a doorbell. */
  static create(): Doorbell {
    return new Doorbell(new SharedArrayBuffer(16));
  }

  /**
   * Whether the Block is asleep: on this doorbell, or between two loops
   * (see {@link Doorbell.setResting}).
   */
  get asleep(): boolean {
    return Atomics.load(this.cells, SLEEPING) !== 0 || Atomics.load(this.cells, RESTING) !== 0;
  }

  /** Called by the Block's loop timer with true when it goes to sleep until its next loop, false when it wakes up. */
  setResting(resting: boolean): void {
    Atomics.store(this.cells, RESTING, resting ? 1 : 0);
  }

  /**
   * Wakes the receiver if it sleeps (called by senders after each write),
   * and marks it awake at once: the sender, now waiting for an answer, then
   * polls for it instead of going to sleep because its peer still looks
   * asleep for the tens of microseconds it takes to wake up.
   */
  ring(): void {
    if (Atomics.load(this.cells, SLEEPING) === 0) return;
    Atomics.store(this.cells, SLEEPING, 0);
    this.wake();
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
