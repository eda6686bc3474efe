import { BrokenBarrierError } from '../errors.js';
import { nowMs, timeoutMs, waitChangeAsync } from './atomics-wait.js';

const COUNT = 0;
const GENERATION = 1;
const BROKEN = 2;
const PARTIES = 3;

/** Number of Int32 cells a barrier occupies. */
export const BARRIER_CELLS = 4;

/**
 * A cyclic barrier shared between threads, like Python's
 * `multiprocessing.Barrier`: `parties` threads call `wait()`, and all are
 * released once the last one arrives. `abort()` (or a timeout) breaks it:
 * every waiter, present and future, gets a {@link BrokenBarrierError}.
 */
export class Barrier {
  /**
   * @param cells the shared cells holding the barrier
   * @param offset index of its first cell in `cells` (`BARRIER_CELLS` cells are used)
   */
  constructor(readonly cells: Int32Array, readonly offset = 0) {}

  /** Creates a barrier for `parties` threads in a buffer of its own. */
  static create(parties: number): Barrier {
    const barrier = new Barrier(new Int32Array(new SharedArrayBuffer(4 * BARRIER_CELLS)), 0);
    barrier.init(parties);
    return barrier;
  }

  /** (Re)initialises the barrier cells for `parties` threads. */
  init(parties: number): void {
    if (!Number.isInteger(parties) || parties < 1) {
      throw new RangeError(`Barrier parties must be a positive integer, got ${parties}`);
    }
    Atomics.store(this.cells, this.offset + PARTIES, parties);
    Atomics.store(this.cells, this.offset + COUNT, 0);
    Atomics.store(this.cells, this.offset + BROKEN, 0);
  }

  /** How many threads must call `wait()` to release it. */
  get parties(): number {
    return Atomics.load(this.cells, this.offset + PARTIES);
  }

  /** How many threads are waiting now. */
  get nWaiting(): number {
    return Atomics.load(this.cells, this.offset + COUNT);
  }

  /** Whether the barrier was aborted or timed out. */
  get broken(): boolean {
    return Atomics.load(this.cells, this.offset + BROKEN) === 1;
  }

  /** Breaks the barrier: every waiter wakes with a {@link BrokenBarrierError}. */
  abort(): void {
    Atomics.store(this.cells, this.offset + BROKEN, 1);
    Atomics.add(this.cells, this.offset + GENERATION, 1);
    Atomics.notify(this.cells, this.offset + GENERATION);
  }

  /**
   * Blocks the calling thread until all parties arrived.
   * @param timeout seconds; on expiry the barrier breaks
   * @returns this thread's arrival index, 0 for the first
   */
  wait(timeout?: number | null): number {
    const { generation, arrival, released } = this.arrive();
    if (released) return arrival;
    const deadline = nowMs() + timeoutMs(timeout);
    for (;;) {
      if (this.broken) throw new BrokenBarrierError('The barrier is broken');
      if (Atomics.load(this.cells, this.offset + GENERATION) !== generation) return arrival;
      const left = deadline - nowMs();
      if (left <= 0) return this.breakOnTimeout();
      Atomics.wait(this.cells, this.offset + GENERATION, generation, left);
    }
  }

  /**
   * Waits without blocking the event loop until all parties arrived.
   * @param timeout seconds; on expiry the barrier breaks
   * @returns this thread's arrival index, 0 for the first
   */
  async waitAsync(timeout?: number | null): Promise<number> {
    const { generation, arrival, released } = this.arrive();
    if (released) return arrival;
    const deadline = nowMs() + timeoutMs(timeout);
    for (;;) {
      if (this.broken) throw new BrokenBarrierError('The barrier is broken');
      if (Atomics.load(this.cells, this.offset + GENERATION) !== generation) return arrival;
      const left = deadline - nowMs();
      if (left <= 0) return this.breakOnTimeout();
      await waitChangeAsync(this.cells, this.offset + GENERATION, generation, left);
    }
  }

  private arrive(): { generation: number; arrival: number; released: boolean } {
    if (this.broken) throw new BrokenBarrierError('The barrier is broken');
    const generation = Atomics.load(this.cells, this.offset + GENERATION);
    const arrival = Atomics.add(this.cells, this.offset + COUNT, 1);
    if (arrival + 1 < this.parties) return { generation, arrival, released: false };
    Atomics.store(this.cells, this.offset + COUNT, 0);
    Atomics.add(this.cells, this.offset + GENERATION, 1);
    Atomics.notify(this.cells, this.offset + GENERATION);
    return { generation, arrival, released: true };
  }

  private breakOnTimeout(): never {
    this.abort();
    throw new BrokenBarrierError('Timed out waiting at the barrier');
  }
}
