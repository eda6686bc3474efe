/**
 * A bounded single-producer single-consumer ring of variable-size records in
 * a `SharedArrayBuffer`. One thread writes, one thread reads; positions are
 * 32-bit counters that wrap safely, so a run of days never overflows them.
 * @module
 */

const W_POS = 0;
const R_POS = 1;
const W_COUNT = 2;
const R_COUNT = 3;
const SENDER_WAITING = 4;
const INT_CELLS = 8;

const STATS_OFFSET = 32;
const SENT = 0;
const DROPPED = 1;
const RECEIVED = 2;
const STATS_CELLS = 3;

const DATA_OFFSET = 64;
const WRAP_MARK = 0xffffffff;
const RECORD_HEADER = 4;

/** Rounds `n` up to a multiple of 8 so that every record starts aligned. */
function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Counters of one ring, readable from any thread. */
export interface RingStats {
  /** Messages written. */
  sent: number;
  /** Messages the writer dropped because the ring was full. */
  dropped: number;
  /** Messages the reader took out. */
  received: number;
}

/** The shared ring: holds the buffer and the record layout, for both ends. */
export class RingBuffer {
  /** Usable bytes for records (a power of two). */
  readonly size: number;
  /** Control cells: positions, counts, sender-waiting flag. */
  readonly header: Int32Array;
  /** Message counters (each written by one side only). */
  readonly stats: Float64Array;
  /** Record bytes. */
  readonly bytes: Uint8Array;
  /** Same bytes, for reading numbers. */
  readonly view: DataView;
  private readonly mask: number;

  /** Wraps a buffer made by {@link RingBuffer.create}. */
  constructor(readonly buffer: SharedArrayBuffer) {
    this.size = buffer.byteLength - DATA_OFFSET;
    this.mask = this.size - 1;
    this.header = new Int32Array(buffer, 0, INT_CELLS);
    this.stats = new Float64Array(buffer, STATS_OFFSET, STATS_CELLS);
    this.bytes = new Uint8Array(buffer, DATA_OFFSET, this.size);
    this.view = new DataView(buffer, DATA_OFFSET, this.size);
  }

  /** Allocates a ring of at least `minBytes` bytes (rounded up to a power of two, at least 64). */
  static create(minBytes: number): RingBuffer {
    let size = 64;
    while (size < minBytes) size *= 2;
    if (size > 2 ** 30) throw new RangeError(`A Link buffer cannot exceed 1 GiB, ${minBytes} bytes were asked`);
    return new RingBuffer(new SharedArrayBuffer(DATA_OFFSET + size));
  }

  /**
   * Largest payload a single record may carry: half the buffer, so that a
   * record always fits in an empty ring, on one side or the other of the
   * point where the previous records stopped (a record never straddles the end).
   */
  get maxRecordBytes(): number {
    return this.size / 2 - RECORD_HEADER;
  }

  /** Messages written but not yet read. */
  get pending(): number {
    return (Atomics.load(this.header, W_COUNT) - Atomics.load(this.header, R_COUNT)) | 0;
  }

  /** Snapshot of the counters. */
  readStats(): RingStats {
    return { sent: this.stats[SENT]!, dropped: this.stats[DROPPED]!, received: this.stats[RECEIVED]! };
  }

  /** Maps a position counter to a byte index. */
  index(position: number): number {
    return position & this.mask;
  }
}

/** The writing end of a ring. Owned by exactly one thread. */
export class RingWriter {
  private position: number;
  private count: number;

  /** Takes the writing end of `ring`, continuing where any previous writer stopped. */
  constructor(readonly ring: RingBuffer) {
    this.position = Atomics.load(ring.header, W_POS) >>> 0;
    this.count = Atomics.load(ring.header, W_COUNT);
  }

  /**
   * Appends one record if there is room for it and fewer than
   * `maxMessages` records are pending.
   * @returns false when the ring is full (nothing written)
   */
  tryWrite(payload: Uint8Array, length: number, maxMessages: number): boolean {
    const ring = this.ring;
    const recordBytes = align8(RECORD_HEADER + length);
    if (recordBytes > ring.size / 2) {
      throw new RangeError(`A message of ${length} bytes cannot fit in a Link buffer of ${ring.size} bytes (at most ${ring.maxRecordBytes} bytes per message)`);
    }
    if (((this.count - Atomics.load(ring.header, R_COUNT)) | 0) >= maxMessages) return false;
    const free = ring.size - ((this.position - Atomics.load(ring.header, R_POS)) >>> 0);
    let index = ring.index(this.position);
    const toEnd = ring.size - index;
    const wraps = recordBytes > toEnd;
    if ((wraps ? toEnd + recordBytes : recordBytes) > free) return false;
    if (wraps) {
      ring.view.setUint32(index, WRAP_MARK, true);
      this.position = (this.position + toEnd) >>> 0;
      index = 0;
    }
    ring.view.setUint32(index, length, true);
    ring.bytes.set(length === payload.length ? payload : payload.subarray(0, length), index + RECORD_HEADER);
    this.position = (this.position + recordBytes) >>> 0;
    this.count = (this.count + 1) | 0;
    ring.stats[SENT]! += 1;
    Atomics.store(ring.header, W_COUNT, this.count);
    Atomics.store(ring.header, W_POS, this.position | 0);
    return true;
  }

  /** Counts one message dropped because the ring was full. */
  countDrop(): void {
    this.ring.stats[DROPPED]! += 1;
  }

  /**
   * Blocks the calling thread until the reader frees space or `ms`
   * milliseconds pass (the reader wakes it when it sees the flag).
   */
  waitForSpace(ms: number): void {
    const header = this.ring.header;
    const readPosition = Atomics.load(header, R_POS);
    Atomics.store(header, SENDER_WAITING, 1);
    Atomics.wait(header, R_POS, readPosition, ms);
    Atomics.store(header, SENDER_WAITING, 0);
  }
}

/** The reading end of a ring. Owned by exactly one thread. */
export class RingReader {
  private position: number;
  private count: number;
  private nextPosition = 0;
  /** Byte index of the current record's payload in `ring.bytes`. */
  recordOffset = 0;
  /** Length of the current record's payload. */
  recordLength = 0;

  /** Takes the reading end of `ring`, continuing where any previous reader stopped. */
  constructor(readonly ring: RingBuffer) {
    this.position = Atomics.load(ring.header, R_POS) >>> 0;
    this.count = Atomics.load(ring.header, R_COUNT);
  }

  /** Whether a record is waiting (one atomic load, no syscall). */
  hasData(): boolean {
    return (Atomics.load(this.ring.header, W_POS) >>> 0) !== this.position;
  }

  /**
   * Locates the oldest unread record: its payload is then at
   * `recordOffset`/`recordLength`. Call {@link consume} to move past it.
   * @returns false when the ring is empty
   */
  peek(): boolean {
    if (!this.hasData()) return false;
    const ring = this.ring;
    let position = this.position;
    let index = ring.index(position);
    let length = ring.view.getUint32(index, true);
    if (length === WRAP_MARK) {
      position = (position + ring.size - index) >>> 0;
      index = 0;
      length = ring.view.getUint32(0, true);
    }
    this.recordOffset = index + RECORD_HEADER;
    this.recordLength = length;
    this.nextPosition = (position + align8(RECORD_HEADER + length)) >>> 0;
    return true;
  }

  /** Moves past the record found by {@link peek} (not yet visible to the writer). */
  consume(): void {
    this.position = this.nextPosition;
    this.count = (this.count + 1) | 0;
    this.ring.stats[RECEIVED]! += 1;
  }

  /** Hands the consumed space back to the writer, waking it if it waits for room. */
  release(): void {
    const header = this.ring.header;
    Atomics.store(header, R_COUNT, this.count);
    Atomics.store(header, R_POS, this.position | 0);
    if (Atomics.load(header, SENDER_WAITING) !== 0) Atomics.notify(header, R_POS);
  }
}
