import { describe, expect, it } from 'vitest';
import { RingBuffer, RingReader, RingWriter } from '../../packages/core/src/link/ring-buffer.js';

/** Header cells of the ring (see ring-buffer.ts): write/read positions, write/read counts. */
const W_POS = 0;
const R_POS = 1;
const W_COUNT = 2;
const R_COUNT = 3;

const NO_LIMIT = 1 << 30;

/** Payload of message `i`: its number in the first 4 bytes (when there is room), then a pattern derived from it. */
function payload(i: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let k = 0; k < length; k++) bytes[k] = (i * 31 + k * 7) & 0xff;
  if (length >= 4) new DataView(bytes.buffer).setUint32(0, i, true);
  return bytes;
}

/** Takes one record out of the ring (copied), or null when empty. */
function readOne(reader: RingReader, release = true): Uint8Array | null {
  if (!reader.peek()) return null;
  const { bytes } = reader.ring;
  const copy = bytes.slice(reader.recordOffset, reader.recordOffset + reader.recordLength);
  reader.consume();
  if (release) reader.release();
  return copy;
}

/** A small deterministic pseudo-random generator. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function ring(minBytes: number): { ring: RingBuffer; writer: RingWriter; reader: RingReader } {
  const r = RingBuffer.create(minBytes);
  return { ring: r, writer: new RingWriter(r), reader: new RingReader(r) };
}

describe('RingBuffer', () => {
  it('rounds its size up to a power of two of at least 64 bytes', () => {
    expect(RingBuffer.create(1).size).toBe(64);
    expect(RingBuffer.create(64).size).toBe(64);
    expect(RingBuffer.create(65).size).toBe(128);
    expect(RingBuffer.create(1000).size).toBe(1024);
    expect(RingBuffer.create(1 << 20).size).toBe(1 << 20);
    const r = RingBuffer.create(100);
    expect(r.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(r.bytes.length).toBe(r.size);
    expect(r.maxRecordBytes).toBeGreaterThan(0);
    expect(r.maxRecordBytes).toBeLessThan(r.size);
  });

  it('refuses more than 1 GiB', () => {
    expect(() => RingBuffer.create(2 ** 30 + 1)).toThrow(RangeError);
  });

  it('starts empty', () => {
    const { ring: r, reader } = ring(64);
    expect(reader.hasData()).toBe(false);
    expect(reader.peek()).toBe(false);
    expect(r.pending).toBe(0);
    expect(r.readStats()).toEqual({ sent: 0, dropped: 0, received: 0 });
  });

  it('delivers records in FIFO order with their exact bytes, empty records included', () => {
    const { ring: r, writer, reader } = ring(1024);
    const lengths = [5, 0, 1, 17, 100, 8, 3];
    lengths.forEach((length, i) => expect(writer.tryWrite(payload(i, length), length, NO_LIMIT)).toBe(true));
    expect(r.pending).toBe(lengths.length);
    expect(reader.hasData()).toBe(true);
    lengths.forEach((length, i) => expect(readOne(reader)).toEqual(payload(i, length)));
    expect(readOne(reader)).toBeNull();
    expect(r.pending).toBe(0);
    expect(r.readStats()).toEqual({ sent: lengths.length, dropped: 0, received: lengths.length });
  });

  it('writes only the first `length` bytes of a larger scratch buffer', () => {
    const { writer, reader } = ring(64);
    const scratch = payload(9, 40);
    expect(writer.tryWrite(scratch, 10, NO_LIMIT)).toBe(true);
    expect(readOne(reader)).toEqual(scratch.subarray(0, 10));
  });

  it('peek() does not move; consume() moves past the record', () => {
    const { writer, reader } = ring(64);
    writer.tryWrite(payload(1, 4), 4, NO_LIMIT);
    writer.tryWrite(payload(2, 4), 4, NO_LIMIT);
    expect(reader.peek()).toBe(true);
    const first = reader.recordOffset;
    expect(reader.peek()).toBe(true);
    expect(reader.recordOffset).toBe(first);
    reader.consume();
    expect(reader.peek()).toBe(true);
    expect(reader.recordOffset).not.toBe(first);
    expect(readOne(reader)).toEqual(payload(2, 4));
  });

  it('keeps records whole when they wrap around the end of the buffer', () => {
    const { ring: r, writer, reader } = ring(64);
    // Records of 20 bytes take 24: the third one does not fit in the last 16 bytes and goes to the start.
    expect(writer.tryWrite(payload(0, 20), 20, NO_LIMIT)).toBe(true);
    expect(writer.tryWrite(payload(1, 20), 20, NO_LIMIT)).toBe(true);
    expect(readOne(reader)).toEqual(payload(0, 20));
    expect(writer.tryWrite(payload(2, 20), 20, NO_LIMIT)).toBe(true);
    expect(readOne(reader)).toEqual(payload(1, 20));
    expect(reader.peek()).toBe(true);
    expect(reader.recordOffset).toBe(4); // right after the record header at byte 0
    expect(readOne(reader)).toEqual(payload(2, 20));
    expect(r.pending).toBe(0);

    // Many more rounds with varying lengths visit every offset of the buffer.
    const next = prng(1);
    const written: number[] = [];
    let read = 3;
    for (let i = 3; i < 2000; i++) {
      const length = Math.floor(next() * 25);
      written[i] = length;
      while (!writer.tryWrite(payload(i, length), length, NO_LIMIT)) {
        expect(readOne(reader)).toEqual(payload(read, written[read]!));
        read++;
      }
    }
    while (read < 2000) {
      expect(readOne(reader)).toEqual(payload(read, written[read]!));
      read++;
    }
    expect(readOne(reader)).toBeNull();
  });

  it('limits the pending messages to maxMessages, counting only released reads', () => {
    const { ring: r, writer, reader } = ring(1024);
    for (let i = 0; i < 3; i++) expect(writer.tryWrite(payload(i, 8), 8, 3)).toBe(true);
    expect(writer.tryWrite(payload(3, 8), 8, 3)).toBe(false);
    expect(r.pending).toBe(3);
    // Consumed but not released: still taken for the writer.
    expect(readOne(reader, false)).toEqual(payload(0, 8));
    expect(writer.tryWrite(payload(3, 8), 8, 3)).toBe(false);
    reader.release();
    expect(writer.tryWrite(payload(3, 8), 8, 3)).toBe(true);
    expect(writer.tryWrite(payload(4, 8), 8, 3)).toBe(false);
    for (let i = 1; i <= 3; i++) expect(readOne(reader)).toEqual(payload(i, 8));
    expect(r.readStats()).toEqual({ sent: 4, dropped: 0, received: 4 });
  });

  it('limits the pending bytes to the buffer size', () => {
    const { ring: r, writer, reader } = ring(64);
    // 12-byte payloads take 16 bytes: four fill the 64-byte buffer exactly.
    for (let i = 0; i < 4; i++) expect(writer.tryWrite(payload(i, 12), 12, NO_LIMIT)).toBe(true);
    expect(writer.tryWrite(payload(4, 0), 0, NO_LIMIT)).toBe(false);
    expect(r.pending).toBe(4);
    expect(readOne(reader)).toEqual(payload(0, 12));
    expect(writer.tryWrite(payload(4, 12), 12, NO_LIMIT)).toBe(true);
    expect(writer.tryWrite(payload(5, 0), 0, NO_LIMIT)).toBe(false);
    for (let i = 1; i <= 4; i++) expect(readOne(reader)).toEqual(payload(i, 12));
    expect(readOne(reader)).toBeNull();
  });

  it('counts the space skipped at the end when a record wraps', () => {
    const { writer, reader } = ring(64);
    // Two 24-byte records; the third needs 24 bytes, only 16 are left at the end and 0 at the start.
    expect(writer.tryWrite(payload(0, 20), 20, NO_LIMIT)).toBe(true);
    expect(writer.tryWrite(payload(1, 20), 20, NO_LIMIT)).toBe(true);
    expect(writer.tryWrite(payload(2, 20), 20, NO_LIMIT)).toBe(false);
    // After one read, 24 bytes are free at the start: it fits there.
    expect(readOne(reader)).toEqual(payload(0, 20));
    expect(writer.tryWrite(payload(2, 20), 20, NO_LIMIT)).toBe(true);
    expect(readOne(reader)).toEqual(payload(1, 20));
    expect(readOne(reader)).toEqual(payload(2, 20));
  });

  it('throws for a record too large for the buffer, and writes nothing', () => {
    const { ring: r, writer, reader } = ring(64);
    const big = r.maxRecordBytes + 1;
    expect(() => writer.tryWrite(payload(0, big), big, NO_LIMIT)).toThrow(RangeError);
    expect(() => writer.tryWrite(payload(0, 1000), 1000, NO_LIMIT)).toThrow(/64 bytes/);
    expect(r.pending).toBe(0);
    expect(reader.hasData()).toBe(false);
    expect(r.readStats().sent).toBe(0);
    expect(writer.tryWrite(payload(1, 4), 4, NO_LIMIT)).toBe(true);
    expect(readOne(reader)).toEqual(payload(1, 4));
  });

  it('an empty ring accepts any record up to maxRecordBytes, wherever the previous records stopped', () => {
    for (const size of [64, 128, 256]) {
      const { ring: r, writer, reader } = ring(size);
      let i = 0;
      for (let start = 0; start < size; start += 8) {
        for (let length = 0; length <= r.maxRecordBytes; length++) {
          // Put the (empty) ring's position at `start`.
          while (r.index(Atomics.load(r.header, W_POS)) !== start) {
            expect(writer.tryWrite(payload(i, 4), 4, NO_LIMIT)).toBe(true);
            expect(readOne(reader)).toEqual(payload(i++, 4));
          }
          expect(r.pending).toBe(0);
          const ok = writer.tryWrite(payload(i, length), length, NO_LIMIT);
          expect(ok, `ring of ${size} bytes, empty at offset ${start}, record of ${length} bytes`).toBe(true);
          expect(readOne(reader)).toEqual(payload(i++, length));
        }
      }
    }
  });

  it('counts drops reported by the writer', () => {
    const { ring: r, writer } = ring(64);
    writer.countDrop();
    writer.countDrop();
    expect(r.readStats()).toEqual({ sent: 0, dropped: 2, received: 0 });
  });

  it('a new writer or reader continues where the previous one stopped', () => {
    const r = RingBuffer.create(256);
    const writer1 = new RingWriter(r);
    for (let i = 0; i < 3; i++) writer1.tryWrite(payload(i, 10), 10, NO_LIMIT);
    const reader1 = new RingReader(r);
    expect(readOne(reader1)).toEqual(payload(0, 10));
    const reader2 = new RingReader(r);
    const writer2 = new RingWriter(r);
    writer2.tryWrite(payload(3, 10), 10, NO_LIMIT);
    for (let i = 1; i < 4; i++) expect(readOne(reader2)).toEqual(payload(i, 10));
    expect(readOne(reader2)).toBeNull();
    expect(r.pending).toBe(0);
  });

  it('waitForSpace() returns after its timeout when nobody reads', () => {
    const { ring: r, writer } = ring(64);
    for (let i = 0; i < 4; i++) writer.tryWrite(payload(i, 12), 12, NO_LIMIT);
    writer.waitForSpace(10);
    expect(writer.tryWrite(payload(5, 12), 12, NO_LIMIT)).toBe(false);
    expect(r.pending).toBe(4);
  });

  describe('wrap-safe 32-bit counters', () => {
    const cases = [
      { what: 'positions just below 2^32, counts just below 2^31', position: 2 ** 32 - 1000, count: 2 ** 31 - 50 },
      { what: 'positions just below 2^31, counts just below 2^32', position: 2 ** 31 - 1000, count: 2 ** 32 - 50 },
      { what: 'positions just below 2^32, not a multiple of the buffer size', position: 2 ** 32 - 1000 + 24, count: -3 },
    ];
    for (const { what, position, count } of cases) {
      it(`loses and reorders nothing across the wrap (${what})`, () => {
        const r = RingBuffer.create(256);
        Atomics.store(r.header, W_POS, position | 0);
        Atomics.store(r.header, R_POS, position | 0);
        Atomics.store(r.header, W_COUNT, count | 0);
        Atomics.store(r.header, R_COUNT, count | 0);
        const writer = new RingWriter(r);
        const reader = new RingReader(r);
        expect(reader.hasData()).toBe(false);
        expect(r.pending).toBe(0);

        const next = prng(position);
        const total = 5000;
        const lengths: number[] = [];
        let written = 0;
        let read = 0;
        while (read < total) {
          // Write a burst (until full or a random count), then read a random number back.
          const burst = 1 + Math.floor(next() * 12);
          for (let k = 0; k < burst && written < total; k++) {
            const length = Math.floor(next() * 60);
            if (!writer.tryWrite(payload(written, length), length, 10)) break;
            lengths[written] = length;
            written++;
          }
          expect(r.pending).toBe(written - read);
          const take = 1 + Math.floor(next() * 12);
          for (let k = 0; k < take && read < written; k++) {
            expect(readOne(reader)).toEqual(payload(read, lengths[read]!));
            read++;
          }
          expect(r.pending).toBe(written - read);
        }
        expect(readOne(reader)).toBeNull();
        expect(r.readStats()).toEqual({ sent: total, dropped: 0, received: total });
        // The counters did cross the boundary.
        const finalPosition = Atomics.load(r.header, W_POS) >>> 0;
        const travelled = (finalPosition - (position >>> 0)) >>> 0;
        expect(travelled).toBeGreaterThan(1000);
        expect((Atomics.load(r.header, W_COUNT) - (count | 0)) | 0).toBe(total);
        expect(Atomics.load(r.header, R_POS)).toBe(Atomics.load(r.header, W_POS));
        expect(Atomics.load(r.header, R_COUNT)).toBe(Atomics.load(r.header, W_COUNT));
      });
    }
  });
});
