import { bytesPerValue, channelsOf, valueCount, type Image, type ImageDtype, type ImageShape } from '../image.js';
import type { FrameMetadata } from '../camera.js';

/** Header cells (Int32) of the ring. */
const H = {
  /** Frames published so far; frame `n` is the `n`-th published (from 0). */
  published: 0,
  /** The slot of the newest frame, −1 before the first. */
  latest: 1,
  /** 1 once the writer closed the ring: no frame will come. */
  closed: 2,
  /** Bumped when a reader lets go of a slot or moves its cursor: wakes a waiting writer. */
  released: 3,
  slots: 4,
  dtypeBytes: 5,
  capacity: 6,
  /** The first frame the blocking reader still needs, −1 without one. */
  cursor: 7,
  /** Frames a free slot was waited for. */
  waits: 8,
  size: 16,
} as const;

/** Cells (Int32) of each slot's header. */
const S = {
  /** 0 free, n > 0 held by n readers, −1 being written. */
  state: 0,
  /** The index of the frame it holds, −1 when empty. */
  frame: 1,
  height: 2,
  width: 3,
  channels: 4,
  /** Bytes of JSON metadata, 0 when the metadata derives from the timestamp. */
  metaLength: 5,
  size: 8,
} as const;

/** Bytes of JSON metadata a slot holds. */
export const METADATA_BYTES = 4096;

/** Options of {@link FrameRing.create}. */
export interface FrameRingOptions {
  /** Number of slots (at least 2). */
  slots: number;
  /** The largest image a slot holds; smaller images (a software ROI) fit too. */
  shape: ImageShape;
  /** The pixel type of every frame. */
  dtype: ImageDtype;
}

/** What the writer stores with each frame. */
export interface FrameInfo {
  /** Seconds since the run's t0. */
  t: number;
  /** Seconds since the epoch, as the camera gave it. */
  timestamp: number;
  /** The frame's `ImageUniqueID`: its number in the test (from 0), −1 for frames taken while configuring. */
  id: number;
  /** The camera's own metadata, when it returned some (stored as JSON, at most 4 kB). */
  metadata?: FrameMetadata | null;
}

/** A frame held in place in the ring by a reader, until {@link FrameRing.release}. */
export interface HeldFrame {
  /** The slot it is in. */
  readonly slot: number;
  /** The frame's index: 0 for the first frame of the run, then 1, 2... */
  readonly index: number;
  /** Seconds since the run's t0. */
  readonly t: number;
  /** Seconds since the epoch. */
  readonly timestamp: number;
  /** Its `ImageUniqueID` (number in the test from 0; −1 while configuring). */
  readonly id: number;
  /** The image, a view on the shared memory (valid until released). */
  readonly image: Image;
  /**
   * The metadata: the camera's, or the original's for a timestamp
   * (`t(s)`, `DateTimeOriginal`, `SubsecTimeOriginal`, `ImageUniqueID`).
   */
  metadata(): FrameMetadata;
}

/**
 * The frames of a Camera Block, in one `SharedArrayBuffer` shared by the
 * Camera Block (the only writer), its helpers and the main thread (readers).
 *
 * K slots each hold a frame with its index, times and metadata. A slot has a
 * state word used with `Atomics`: a reader holds a slot by raising it (only
 * from a non-negative value), the writer takes a slot only when it is 0 (by
 * compare-and-exchange to −1), so a frame is never written while read and a
 * reader never sees a torn frame, without a lock and without copying. The
 * writer takes the free slot holding the oldest frame; with a blocking
 * reader (the recorder with `dropFrames: false`), it never takes a slot
 * holding a frame that reader still needs, and waits instead.
 */
export class FrameRing {
  /** The shared memory, to hand to other threads (`new FrameRing(buffer)` there). */
  readonly buffer: SharedArrayBuffer;
  /** The number of slots. */
  readonly slots: number;
  /** The pixel type of the frames. */
  readonly dtype: ImageDtype;
  /** The most pixel values a slot holds. */
  readonly capacity: number;
  private readonly header: Int32Array;
  private readonly slotHeaders: Int32Array;
  private readonly times: Float64Array;
  private readonly metaBase: number;
  private readonly pixelBase: number;
  private readonly slotBytes: number;

  /**
   * Makes a ring in a new `SharedArrayBuffer`.
   * @throws RangeError for fewer than 2 slots
   */
  static create(options: FrameRingOptions): FrameRing {
    if (!Number.isInteger(options.slots) || options.slots < 2) throw new RangeError(`A frame ring needs at least 2 slots, got ${options.slots}`);
    const capacity = valueCount(options.shape);
    const bytes = bytesPerValue(options.dtype);
    const layout = FrameRing.layout(options.slots, capacity * bytes);
    const buffer = new SharedArrayBuffer(layout.total);
    const header = new Int32Array(buffer, 0, H.size);
    header[H.slots] = options.slots;
    header[H.dtypeBytes] = bytes;
    header[H.capacity] = capacity;
    header[H.latest] = -1;
    header[H.cursor] = -1;
    const slotHeaders = new Int32Array(buffer, H.size * 4, options.slots * S.size);
    for (let slot = 0; slot < options.slots; slot += 1) slotHeaders[slot * S.size + S.frame] = -1;
    return new FrameRing(buffer);
  }

  private static layout(slots: number, slotBytes: number): { times: number; meta: number; pixels: number; slotBytes: number; total: number } {
    const times = H.size * 4 + slots * S.size * 4;
    const meta = times + slots * 3 * 8;
    const pixels = meta + slots * METADATA_BYTES;
    const aligned = Math.ceil(slotBytes / 8) * 8;
    return { times, meta, pixels, slotBytes: aligned, total: pixels + slots * aligned };
  }

  /** Attaches to a ring made by {@link FrameRing.create}, in any thread. */
  constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
    this.header = new Int32Array(buffer, 0, H.size);
    this.slots = this.header[H.slots]!;
    this.dtype = this.header[H.dtypeBytes] === 1 ? 'uint8' : 'uint16';
    this.capacity = this.header[H.capacity]!;
    const layout = FrameRing.layout(this.slots, this.capacity * bytesPerValue(this.dtype));
    this.slotHeaders = new Int32Array(buffer, H.size * 4, this.slots * S.size);
    this.times = new Float64Array(buffer, layout.times, this.slots * 3);
    this.metaBase = layout.meta;
    this.pixelBase = layout.pixels;
    this.slotBytes = layout.slotBytes;
  }

  /** The number of frames published so far (the next frame's index). */
  get published(): number {
    return Atomics.load(this.header, H.published);
  }

  /** Whether the writer closed the ring. */
  get closed(): boolean {
    return Atomics.load(this.header, H.closed) === 1;
  }

  /** How many times the writer had to wait for a free slot (a blocking reader was behind). */
  get writerWaits(): number {
    return Atomics.load(this.header, H.waits);
  }

  // ---------------------------------------------------------------- writer

  /**
   * Writes a frame into a free slot and publishes it. Returns the frame's
   * index, or −1 when no slot is free (every slot is held, or holds a frame
   * the blocking reader still needs): wait with {@link FrameRing.waitForRelease}
   * and try again.
   * @throws RangeError when the image does not fit a slot or has another dtype
   */
  tryWrite(image: Image, info: FrameInfo): number {
    if (image.dtype !== this.dtype) throw new RangeError(`the image is ${image.dtype}, the frames of this camera are ${this.dtype}`);
    if (image.data.length > this.capacity) {
      throw new RangeError(`the image of shape ${JSON.stringify(image.shape)} is larger than the ${this.capacity} pixel values of a frame of this camera`);
    }
    const meta = info.metadata == null ? null : Buffer.from(JSON.stringify(info.metadata));
    if (meta !== null && meta.length > METADATA_BYTES) throw new RangeError(`the metadata of a frame takes ${meta.length} bytes as JSON, at most ${METADATA_BYTES} fit`);
    const slot = this.takeFreeSlot();
    if (slot < 0) return -1;
    const index = Atomics.load(this.header, H.published);
    const base = slot * S.size;
    const bytes = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    new Uint8Array(this.buffer, this.pixelBase + slot * this.slotBytes, bytes.length).set(bytes);
    this.slotHeaders[base + S.height] = image.shape[0];
    this.slotHeaders[base + S.width] = image.shape[1];
    this.slotHeaders[base + S.channels] = channelsOf(image.shape);
    this.slotHeaders[base + S.metaLength] = meta?.length ?? 0;
    if (meta !== null) new Uint8Array(this.buffer, this.metaBase + slot * METADATA_BYTES, meta.length).set(meta);
    this.times[slot * 3] = info.t;
    this.times[slot * 3 + 1] = info.timestamp;
    this.times[slot * 3 + 2] = info.id;
    Atomics.store(this.slotHeaders, base + S.frame, index);
    Atomics.store(this.slotHeaders, base + S.state, 0);
    Atomics.store(this.header, H.latest, slot);
    Atomics.store(this.header, H.published, index + 1);
    Atomics.notify(this.header, H.published);
    return index;
  }

  private takeFreeSlot(): number {
    const cursor = Atomics.load(this.header, H.cursor);
    // Candidates: free slots whose frame nobody needs any more, oldest frame first.
    const order: number[] = [];
    for (let slot = 0; slot < this.slots; slot += 1) {
      const frame = Atomics.load(this.slotHeaders, slot * S.size + S.frame);
      if (cursor >= 0 && frame >= cursor) continue;
      if (Atomics.load(this.slotHeaders, slot * S.size + S.state) !== 0) continue;
      order.push(slot);
    }
    order.sort((a, b) => this.slotHeaders[a * S.size + S.frame]! - this.slotHeaders[b * S.size + S.frame]!);
    for (const slot of order) {
      if (Atomics.compareExchange(this.slotHeaders, slot * S.size + S.state, 0, -1) === 0) return slot;
    }
    return -1;
  }

  /**
   * Waits (without blocking the thread) until a reader lets go of a slot or
   * moves its cursor, or `timeoutMs` passed. Counts one wait of the writer.
   */
  async waitForRelease(timeoutMs: number): Promise<void> {
    Atomics.add(this.header, H.waits, 1);
    const seen = Atomics.load(this.header, H.released);
    if (this.takeFreeSlotPossible()) return;
    await waitAsync(this.header, H.released, seen, timeoutMs);
  }

  private takeFreeSlotPossible(): boolean {
    const cursor = Atomics.load(this.header, H.cursor);
    for (let slot = 0; slot < this.slots; slot += 1) {
      const frame = Atomics.load(this.slotHeaders, slot * S.size + S.frame);
      if ((cursor < 0 || frame < cursor) && Atomics.load(this.slotHeaders, slot * S.size + S.state) === 0) return true;
    }
    return false;
  }

  /** Closes the ring: no frame will come; wakes every waiting reader. */
  close(): void {
    Atomics.store(this.header, H.closed, 1);
    Atomics.notify(this.header, H.published);
  }

  // ---------------------------------------------------------------- readers

  /**
   * Holds the newest frame in place, or returns `null` when there is none yet
   * or it was being replaced (try again). Release it with {@link FrameRing.release}.
   */
  holdLatest(): HeldFrame | null {
    const slot = Atomics.load(this.header, H.latest);
    if (slot < 0 || !this.holdSlot(slot)) return null;
    return this.view(slot);
  }

  /**
   * Holds the frame of index `index` in place, or returns `null` when no
   * slot holds it (not published yet, or already replaced).
   */
  holdFrame(index: number): HeldFrame | null {
    for (let slot = 0; slot < this.slots; slot += 1) {
      if (Atomics.load(this.slotHeaders, slot * S.size + S.frame) !== index) continue;
      if (!this.holdSlot(slot)) return null;
      if (Atomics.load(this.slotHeaders, slot * S.size + S.frame) === index) return this.view(slot);
      this.releaseSlot(slot);
      return null;
    }
    return null;
  }

  /**
   * The frame in `slot`, without holding it: for a thread that works for a
   * reader holding that slot (the recorder's encoding threads).
   */
  peek(slot: number): HeldFrame {
    return this.view(slot);
  }

  /** Lets go of a frame held by {@link FrameRing.holdLatest} or {@link FrameRing.holdFrame}. */
  release(frame: HeldFrame): void {
    this.releaseSlot(frame.slot);
  }

  /**
   * Makes the writer keep every frame from `index` on until this reader held
   * it (the recorder with `dropFrames: false`); −1 removes the cursor.
   */
  setCursor(index: number): void {
    Atomics.store(this.header, H.cursor, index);
    this.bumpReleased();
  }

  /**
   * Waits (without blocking the thread) until more than `seen` frames were
   * published, the ring is closed, or `timeoutMs` passed.
   */
  async waitForFrame(seen: number, timeoutMs: number): Promise<void> {
    if (Atomics.load(this.header, H.published) !== seen || this.closed) return;
    await waitAsync(this.header, H.published, seen, timeoutMs);
  }

  /**
   * Like {@link FrameRing.waitForFrame}, but blocks the thread (`Atomics.wait`):
   * it wakes within microseconds of the frame, where a wait on the event
   * loop may take a millisecond. For helpers' threads, never the main thread.
   */
  waitForFrameBlocking(seen: number, timeoutMs: number): void {
    if (Atomics.load(this.header, H.published) !== seen || this.closed) return;
    Atomics.wait(this.header, H.published, seen, timeoutMs);
  }

  private holdSlot(slot: number): boolean {
    const cell = slot * S.size + S.state;
    for (;;) {
      const state = Atomics.load(this.slotHeaders, cell);
      if (state < 0) return false;
      if (Atomics.compareExchange(this.slotHeaders, cell, state, state + 1) === state) return true;
    }
  }

  private releaseSlot(slot: number): void {
    Atomics.sub(this.slotHeaders, slot * S.size + S.state, 1);
    this.bumpReleased();
  }

  private bumpReleased(): void {
    Atomics.add(this.header, H.released, 1);
    Atomics.notify(this.header, H.released);
  }

  private view(slot: number): HeldFrame {
    const base = slot * S.size;
    const height = this.slotHeaders[base + S.height]!;
    const width = this.slotHeaders[base + S.width]!;
    const channels = this.slotHeaders[base + S.channels]!;
    const count = height * width * channels;
    const offset = this.pixelBase + slot * this.slotBytes;
    const data = this.dtype === 'uint8' ? new Uint8Array(this.buffer, offset, count) : new Uint16Array(this.buffer, offset, count);
    const shape: ImageShape = channels === 3 ? [height, width, 3] : [height, width];
    const index = this.slotHeaders[base + S.frame]!;
    const t = this.times[slot * 3]!;
    const timestamp = this.times[slot * 3 + 1]!;
    const id = this.times[slot * 3 + 2]!;
    const metaLength = this.slotHeaders[base + S.metaLength]!;
    const metaOffset = this.metaBase + slot * METADATA_BYTES;
    const buffer = this.buffer;
    return {
      slot,
      index,
      t,
      timestamp,
      id,
      image: { data, shape, dtype: this.dtype },
      metadata(): FrameMetadata {
        if (metaLength === 0) return timestampMetadata(t, timestamp, id);
        const text = Buffer.from(new Uint8Array(buffer, metaOffset, metaLength)).toString('utf8');
        return { ...(JSON.parse(text) as FrameMetadata), 't(s)': t };
      },
    };
  }
}

/**
 * `Atomics.waitAsync` with a timer beside it: a pending `waitAsync` alone
 * does not keep a thread's event loop alive, so a helper thread with
 * nothing else to do would end instead of waiting.
 */
async function waitAsync(cells: Int32Array, index: number, value: number, timeoutMs: number): Promise<void> {
  const result = Atomics.waitAsync(cells, index, value, timeoutMs);
  if (!result.async) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([result.value, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

/**
 * The metadata the original builds for a frame given by its timestamp:
 * `t(s)` (since t0), `DateTimeOriginal` (UTC, `YYYY:MM:DD hh:mm:ss`),
 * `SubsecTimeOriginal` (the fraction of the second, 6 decimals) and
 * `ImageUniqueID`.
 */
export function timestampMetadata(t: number, timestamp: number, index: number): FrameMetadata {
  const date = new Date(Math.floor(timestamp) * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const dateTime = `${date.getUTCFullYear()}:${pad(date.getUTCMonth() + 1)}:${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return { 't(s)': t, DateTimeOriginal: dateTime, SubsecTimeOriginal: (timestamp % 1).toFixed(6), ImageUniqueID: index };
}
