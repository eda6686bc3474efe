import { totalmem } from 'node:os';
import { checkOptions, show } from '../options/index.js';
import { InOut } from './inout.js';

/** Bytes in a megabyte (MB, not MiB). */
const MB = 1e6;

/** Memory taken or given back by one command step (MB). */
const CHUNK_MB = 8;

/** Number of readings in one chunk of {@link FakeInOut.getStream}. */
const STREAM_LENGTH = 10;

/**
 * An InOut without hardware, for trying scripts: it reads the memory used by
 * this process (its resident set size, in MB) and, as an output, makes it
 * grow or shrink towards a target.
 *
 * - reading: `getData()` returns `[t, rss]`, so give the IOBlock two labels,
 *   e.g. `['t(s)', 'memory(MB)']`;
 * - streaming: `getStream()` returns 10 readings at once, `[times, rows]`
 *   with one value (the rss) per row;
 * - writing: `setCmd(target)` takes a target rss in MB: below it, each call
 *   allocates (and fills) 8 MB more; above it, each call releases the
 *   last 8 MB it allocated, if any ({@link FakeInOut.held} tells how much
 *   it holds; the rss falls only once the garbage collector frees it).
 *
 * It takes no options.
 */
export class FakeInOut extends InOut {
  static {
    InOut.classes.register(this);
  }

  private chunks: Uint8Array[] = [];

  /** @param options none: any option is a TypeError */
  constructor(options: Record<never, never> = {}) {
    super();
    checkOptions(options, [], 'FakeInOut');
  }

  /** The memory (MB) this InOut holds to follow its commands. */
  get held(): number {
    return this.chunks.length * CHUNK_MB;
  }

  /** Starts with no memory held. */
  override open(): void {
    this.chunks = [];
  }

  /** `[t, rss]`: the time (s since the epoch) and the resident set size of the process (MB). */
  override getData(): [number, number] {
    return [this.clock.time(), process.memoryUsage.rss() / MB];
  }

  /**
   * Takes or gives back 8 MB to move the process's rss towards `target`.
   * @param target the rss to reach, in MB
   * @throws TypeError when `target` is not a number
   * @throws RangeError when it is negative or more than the machine's memory
   */
  override setCmd(target: unknown): void {
    if (typeof target !== 'number') throw new TypeError(`FakeInOut: the command must be a number of MB, got ${show(target)}`);
    const max = totalmem() / MB;
    if (!(target >= 0 && target <= max)) {
      throw new RangeError(`FakeInOut: the command must be from 0 to ${Math.floor(max)} MB (the machine's memory), got ${show(target)}`);
    }
    const rss = process.memoryUsage.rss() / MB;
    if (target > rss) this.chunks.push(new Uint8Array(CHUNK_MB * MB).fill(1));
    else if (target < rss) this.chunks.pop();
  }

  /** Nothing to start: each chunk is read on demand. */
  override startStream(): void {}

  /** Ten readings at once: `[times, rows]`, each row holding the rss (MB). */
  override getStream(): [Float64Array, number[][]] {
    const times = new Float64Array(STREAM_LENGTH);
    const rows: number[][] = [];
    for (let i = 0; i < STREAM_LENGTH; i++) {
      const [t, rss] = this.getData();
      times[i] = t;
      rows.push([rss]);
    }
    return [times, rows];
  }

  /** Nothing to stop. */
  override stopStream(): void {}

  /** Gives back the memory it held. */
  override close(): void {
    this.chunks = [];
  }
}
