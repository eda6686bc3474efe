/**
 * The Camera Block's frame ring (DESIGN 3.7; the original shares one frame
 * under locks, crappy/blocks/camera.py and camera_processes/camera_process.py
 * `_get_data`): frames and metadata go through unchanged, a held frame is
 * never overwritten, a reader never sees a torn frame even with the writer
 * in another thread, and a blocking reader gets every frame.
 */
import { describe, expect, it } from 'vitest';
import { FrameRing, timestampMetadata } from '../../packages/camera/src/ring/frame-ring.js';
import { makeImage } from '../../packages/camera/src/image.js';
import { inWorker } from './ring-threads.js';

const filled = (value: number, shape: [number, number] = [4, 5]) => makeImage(shape, 'uint8', new Uint8Array(shape[0] * shape[1]).fill(value));

describe('FrameRing in one thread', () => {
  it('gives back the pixels, shape, times and metadata written', () => {
    const ring = FrameRing.create({ slots: 3, shape: [4, 5, 3], dtype: 'uint8' });
    const image = makeImage([4, 5, 3], 'uint8', Uint8Array.from({ length: 60 }, (_, i) => i * 4));
    expect(ring.tryWrite(image, { t: 1.5, timestamp: 1000.25, id: 0 })).toBe(0);
    const held = ring.holdLatest()!;
    expect(held.index).toBe(0);
    expect(held.image.shape).toEqual([4, 5, 3]);
    expect(Array.from(held.image.data)).toEqual(Array.from(image.data));
    expect(held.metadata()).toEqual({ 't(s)': 1.5, DateTimeOriginal: '1970:01:01 00:16:40', SubsecTimeOriginal: '0.250000', ImageUniqueID: 0 });
    ring.release(held);
    ring.tryWrite(makeImage([2, 3, 3], 'uint8', new Uint8Array(18).fill(7)), { t: 2, timestamp: 1001, id: 1, metadata: { 't(s)': 1001, gain: 3, ImageUniqueID: 41 } });
    const second = ring.holdLatest()!;
    expect(second.image.shape).toEqual([2, 3, 3]);
    expect(second.metadata()).toEqual({ 't(s)': 2, gain: 3, ImageUniqueID: 41 });
    ring.release(second);
  });

  it('stores 16-bit frames', () => {
    const ring = FrameRing.create({ slots: 2, shape: [2, 2], dtype: 'uint16' });
    ring.tryWrite(makeImage([2, 2], 'uint16', Uint16Array.from([0, 1, 65534, 65535])), { t: 0, timestamp: 1, id: 0 });
    const held = ring.holdLatest()!;
    expect(held.image.data).toBeInstanceOf(Uint16Array);
    expect(Array.from(held.image.data)).toEqual([0, 1, 65534, 65535]);
  });

  it('never overwrites a held frame: the writer uses the other slots, then reports none free', () => {
    const ring = FrameRing.create({ slots: 2, shape: [4, 5], dtype: 'uint8' });
    ring.tryWrite(filled(1), { t: 0, timestamp: 1, id: 0 });
    const held = ring.holdLatest()!;
    for (let i = 2; i < 10; i += 1) expect(ring.tryWrite(filled(i), { t: i, timestamp: 1, id: i })).toBeGreaterThan(0);
    expect(Array.from(held.image.data).every((v) => v === 1)).toBe(true);
    const other = ring.holdLatest()!;
    expect(ring.tryWrite(filled(99), { t: 0, timestamp: 1, id: 0 })).toBe(-1);
    ring.release(held);
    ring.release(other);
    expect(ring.tryWrite(filled(99), { t: 0, timestamp: 1, id: 0 })).toBe(9);
  });

  it('keeps every frame from the cursor on, and frees them as the cursor moves', () => {
    const ring = FrameRing.create({ slots: 3, shape: [4, 5], dtype: 'uint8' });
    ring.setCursor(0);
    for (let i = 0; i < 3; i += 1) expect(ring.tryWrite(filled(i), { t: i, timestamp: 1, id: i })).toBe(i);
    expect(ring.tryWrite(filled(3), { t: 3, timestamp: 1, id: 3 })).toBe(-1);
    const first = ring.holdFrame(0)!;
    expect(first.image.data[0]).toBe(0);
    ring.setCursor(1);
    ring.release(first);
    expect(ring.tryWrite(filled(3), { t: 3, timestamp: 1, id: 3 })).toBe(3);
    expect(ring.holdFrame(0)).toBeNull();
    expect(ring.holdFrame(1)!.image.data[0]).toBe(1);
  });

  it('refuses an image larger than a slot or of another dtype, naming the shape', () => {
    const ring = FrameRing.create({ slots: 2, shape: [4, 5], dtype: 'uint8' });
    expect(() => ring.tryWrite(filled(0, [5, 5]), { t: 0, timestamp: 1, id: 0 })).toThrow(/\[5,5\] is larger than the 20 pixel values/);
    expect(() => ring.tryWrite(makeImage([4, 5], 'uint16'), { t: 0, timestamp: 1, id: 0 })).toThrow(/the image is uint16, the frames of this camera are uint8/);
    expect(() => FrameRing.create({ slots: 1, shape: [4, 5], dtype: 'uint8' })).toThrow(/at least 2 slots/);
  });

  it('builds the original metadata of a timestamp', () => {
    expect(timestampMetadata(0.5, 1764681296.123456, 3)).toEqual({
      't(s)': 0.5,
      DateTimeOriginal: '2025:12:02 13:14:56',
      SubsecTimeOriginal: (1764681296.123456 % 1).toFixed(6),
      ImageUniqueID: 3,
    });
  });
});

describe('FrameRing across threads', () => {
  const WRITER = `
    const n = workerData.frames;
    const size = 64 * 64;
    let written = 0;
    for (let i = 0; i < n; i += 1) {
      const data = new Uint8Array(size).fill(i % 251);
      while (ring.tryWrite({ data, shape: [64, 64], dtype: 'uint8' }, { t: i, timestamp: 1, id: i }) < 0) await ring.waitForRelease(50);
      written += 1;
    }
    ring.close();
    return written;`;

  it('a reader of the newest frame in another thread never sees a torn frame', async () => {
    const ring = FrameRing.create({ slots: 4, shape: [64, 64], dtype: 'uint8' });
    const reader = inWorker<{ seen: number; torn: number; last: number }>(
      `let seen = 0, torn = 0, last = -1;
       for (;;) {
         const published = ring.published;
         if (published > last + 1) {
           const frame = ring.holdLatest();
           if (frame !== null) {
             const expected = frame.index % 251;
             if (frame.t !== frame.index || !frame.image.data.every((v) => v === expected)) torn += 1;
             if (frame.index > last) { seen += 1; last = frame.index; }
             ring.release(frame);
           }
         } else if (ring.closed) break;
         else await ring.waitForFrame(published, 100);
       }
       return { seen, torn, last };`,
      ring.buffer,
    );
    const writer = inWorker<number>(WRITER, ring.buffer, { frames: 3000 });
    const [result, written] = await Promise.all([reader, writer]);
    expect(written).toBe(3000);
    expect(result.torn).toBe(0);
    expect(result.seen).toBeGreaterThan(0);
    expect(result.last).toBe(2999);
  });

  it('a reader with a cursor in another thread gets every frame, in order, the writer waiting for it', async () => {
    const ring = FrameRing.create({ slots: 3, shape: [64, 64], dtype: 'uint8' });
    ring.setCursor(0);
    const reader = inWorker<{ indices: number; inOrder: boolean; torn: number }>(
      `let next = 0, torn = 0, inOrder = true;
       for (;;) {
         const frame = ring.holdFrame(next);
         if (frame === null) {
           if (ring.closed && ring.published <= next) break;
           await ring.waitForFrame(ring.published, 20);
           continue;
         }
         if (frame.index !== next) inOrder = false;
         if (!frame.image.data.every((v) => v === next % 251)) torn += 1;
         next += 1;
         ring.setCursor(next);
         ring.release(frame);
       }
       return { indices: next, inOrder, torn };`,
      ring.buffer,
    );
    const writer = inWorker<number>(WRITER, ring.buffer, { frames: 1000 });
    const [result] = await Promise.all([reader, writer]);
    expect(result).toEqual({ indices: 1000, inOrder: true, torn: 0 });
  });
});
