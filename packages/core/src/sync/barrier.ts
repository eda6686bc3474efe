import { BrokenBarrierError } from '../errors.js';
import { nowMs, timeoutMs, waitChangeAsync } from './atomics-wait.js';

/**
 * One cell holds both the generation (high bits) and the number of threads
 * waiting in it (low 16 bits), so that arriving and releasing are a single
 * compare-and-swap: a thread arriving for the next cycle while the previous
 * one is being released can never be counted in one cycle and wait on another.
 */
const STATE = 0;
const BROKEN = 1;
const PARTIES = 2;
const COUNT_BITS = 16;
const COUNT_MASK = (1 << COUNT_BITS) - 1;
/** Most parties a barrier can hold (the count's 16 bits). */
const MAX_PARTIES = COUNT_MASK;

/** Number of Int32 cells a barrier occupies. */
export const BARRIER_CELLS = 3;

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

  /**
   * Initialises the barrier cells for `parties` threads: not broken, nobody
   * waiting. Use it on new cells, or to reuse a broken barrier once its
   * waiters have thrown; never while threads wait at it (they would not be woken).
   */
  init(parties: number): void {
    if (!Number.isInteger(parties) || parties < 1 || parties > MAX_PARTIES) {
      throw new RangeError(`Barrier parties must be an integer from 1 to ${MAX_PARTIES}, got ${parties}`);
    }
    Atomics.store(this.cells, this.offset + PARTIES, parties);
    Atomics.store(this.cells, this.offset + STATE, 0);
    Atomics.store(this.cells, this.offset + BROKEN, 0);
  }

  /** How many threads must call `wait()` to release it. */
  get parties(): number {
    return Atomics.load(this.cells, this.offset + PARTIES);
  }

  /** How many threads are waiting now. */
  get nWaiting(): number {
    return Atomics.load(this.cells, this.offset + STATE) & COUNT_MASK;
  }

  /** Whether the barrier was aborted or timed out. */
  get broken(): boolean {
    return Atomics.load(this.cells, this.offset + BROKEN) === 1;
  }

  /** Breaks the barrier: every waiter wakes with a {@link BrokenBarrierError}. */
  abort(): void {
    Atomics.store(this.cells, this.offset + BROKEN, 1);
    // A new generation too, so that a waiter between its checks and its
    // Atomics.wait sees the state change instead of sleeping on.
    for (;;) {
      const state = Atomics.load(this.cells, this.offset + STATE);
      const next = nextGeneration(generationOf(state));
      if (Atomics.compareExchange(this.cells, this.offset + STATE, state, next) === state) break;
    }
    Atomics.notify(this.cells, this.offset + STATE);
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
      const state = this.stateWhilePending(generation);
      if (state === null) return arrival;
      const left = deadline - nowMs();
      if (left <= 0) return this.breakOnTimeout();
      Atomics.wait(this.cells, this.offset + STATE, state, left);
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
      const state = this.stateWhilePending(generation);
      if (state === null) return arrival;
      const left = deadline - nowMs();
      if (left <= 0) return this.breakOnTimeout();
      await waitChangeAsync(this.cells, this.offset + STATE, state, left);
    }
  }

  /** Counts this thread in the current generation, releasing it if this thread is the last one. */
  private arrive(): { generation: number; arrival: number; released: boolean } {
    if (this.broken) throw new BrokenBarrierError('The barrier is broken');
    const parties = this.parties;
    for (;;) {
      const state = Atomics.load(this.cells, this.offset + STATE);
      const generation = generationOf(state);
      const arrival = state & COUNT_MASK;
      const released = arrival + 1 >= parties;
      const next = released ? nextGeneration(generation) : state + 1;
      if (Atomics.compareExchange(this.cells, this.offset + STATE, state, next) !== state) continue;
      if (released) Atomics.notify(this.cells, this.offset + STATE);
      return { generation, arrival, released };
    }
  }

  /**
   * The state word to wait on while `generation` is not released yet, null
   * once it is; throws once the barrier is broken.
   */
  private stateWhilePending(generation: number): number | null {
    // State first, then broken: an abort after this load changes the state,
    // so the wait on it returns at once and the next call sees it broken.
    const state = Atomics.load(this.cells, this.offset + STATE);
    if (this.broken) throw new BrokenBarrierError('The barrier is broken');
    return generationOf(state) === generation ? state : null;
  }

  private breakOnTimeout(): never {
    this.abort();
    throw new BrokenBarrierError('Timed out waiting at the barrier');
  }
}

/** The generation stored in a barrier state word. */
function generationOf(state: number): number {
  return state >>> COUNT_BITS;
}

/** The state word of the generation after `generation`, with nobody waiting (wraps around). */
function nextGeneration(generation: number): number {
  return (((generation + 1) & 0x7fff) << COUNT_BITS) | 0;
}
