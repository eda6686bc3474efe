import { deserialize, serialize } from 'node:v8';
import { fromWireError, toWireError, type WireError } from './messages.js';

const STATE = 0;
const ANSWER_ID = 1;
const LENGTH = 2;
const HEADER_BYTES = 16;
const WAITING = 0;
const DONE = 1;
const FAILED = 2;

/** Bytes a sync answer may take (an I2C block is at most 32 bytes, an SPI transfer of a HAT a few bytes); every Block of a run gets one slot. */
export const SYNC_SLOT_BYTES = 1 << 13;

/**
 * Where the hub answers a thread's synchronous calls (`readByteSync`...):
 * a `SharedArrayBuffer` holding the state, the id of the call answered and
 * the answer serialized. The thread sleeps on the state with `Atomics.wait`
 * while the main thread makes the call, so that the thread's event loop is
 * not needed to get the answer.
 */
export class SyncSlot {
  private readonly cells: Int32Array;
  private readonly bytes: Uint8Array;

  /** @param buffer a buffer made by {@link SyncSlot.createBuffer} */
  constructor(readonly buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer, 0, 3);
    this.bytes = new Uint8Array(buffer, HEADER_BYTES);
  }

  /** A buffer for a new slot. */
  static createBuffer(): SharedArrayBuffer {
    return new SharedArrayBuffer(HEADER_BYTES + SYNC_SLOT_BYTES);
  }

  /** In the calling thread, before sending call `id`: marks the slot as waiting. */
  arm(): void {
    Atomics.store(this.cells, STATE, WAITING);
  }

  /**
   * In the calling thread: sleeps until the answer to call `id` is there,
   * at most `timeoutMs`.
   * @returns the result
   * @throws the call's error, or an Error saying the hub did not answer in time
   */
  wait(id: number, timeoutMs: number, what: string): unknown {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const left = deadline - performance.now();
      if (Atomics.load(this.cells, STATE) === WAITING) {
        if (left <= 0) throw new Error(`${what}: the hardware hub did not answer within ${timeoutMs} ms`);
        Atomics.wait(this.cells, STATE, WAITING, left);
        continue;
      }
      if (Atomics.load(this.cells, ANSWER_ID) !== id) {
        // The late answer of a call that timed out: not ours.
        Atomics.store(this.cells, STATE, WAITING);
        continue;
      }
      const state = Atomics.load(this.cells, STATE);
      const value = deserialize(this.bytes.subarray(0, Atomics.load(this.cells, LENGTH)));
      if (state === FAILED) throw fromWireError(value as WireError);
      return value;
    }
  }

  /** In the hub: writes the result of call `id` and wakes the caller. */
  answer(id: number, value: unknown): void {
    let encoded = serialize(value);
    let state = DONE;
    if (encoded.length > this.bytes.length) {
      encoded = serialize(toWireError(new RangeError(`the answer takes ${encoded.length} bytes, more than a sync call may return (${this.bytes.length})`)));
      state = FAILED;
    }
    this.write(id, state, encoded);
  }

  /** In the hub: writes the error of call `id` and wakes the caller. */
  fail(id: number, error: unknown): void {
    this.write(id, FAILED, serialize(toWireError(error)));
  }

  private write(id: number, state: number, encoded: Buffer): void {
    this.bytes.set(encoded);
    Atomics.store(this.cells, LENGTH, encoded.length);
    Atomics.store(this.cells, ANSWER_ID, id);
    Atomics.store(this.cells, STATE, state);
    Atomics.notify(this.cells, STATE);
  }
}
