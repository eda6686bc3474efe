/**
 * The helpers' scheduling (crappy/blocks/camera_processes/camera_process.py
 * `_get_data`, record.py's save period), driven in this thread: a slow
 * helper takes the newest frame and counts those it skipped; a helper that
 * must see every `period`-th frame gets exactly those, in order, the writer
 * waiting for it.
 */
import type { MessagePort } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CameraHelper } from '../../packages/camera/src/helpers/camera-helper.js';
import { FrameRing, type HeldFrame } from '../../packages/camera/src/ring/frame-ring.js';
import { makeImage } from '../../packages/camera/src/image.js';

class Collector extends CameraHelper {
  readonly seen: number[] = [];
  readonly values: number[] = [];
  constructor(options: { everyFrame?: boolean; period?: number; delayMs?: number }) {
    super();
    this.everyFrame = options.everyFrame ?? false;
    this.period = options.period ?? 1;
    this.delay = options.delayMs ?? 0;
  }
  private readonly delay: number;
  async process(frame: HeldFrame): Promise<void> {
    this.seen.push(frame.index);
    this.values.push(frame.image.data[0]!);
    if (this.delay > 0) await sleep(this.delay);
  }
}

/** Runs `helper` on `ring` and, once it is ready (as the Camera Block waits for its helpers), writes `count` frames. */
async function runWith(helper: Collector, ring: FrameRing, count: number, gapMs = 0) {
  let ready: () => void = () => {};
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const port = { postMessage: (message: { type: string }) => message.type === 'ready' && ready() } as unknown as MessagePort;
  const running = helper.run(ring, port, 0);
  await isReady;
  await write(ring, count, gapMs);
  return running;
}

/** Writes `count` frames (pixel value = index % 256), waiting for free slots, then closes the ring. */
async function write(ring: FrameRing, count: number, gapMs = 0): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const image = makeImage([4, 4], 'uint8', new Uint8Array(16).fill(i % 256));
    while (ring.tryWrite(image, { t: i, timestamp: 1, id: i }) < 0) await ring.waitForRelease(20);
    if (gapMs > 0) await sleep(gapMs);
  }
  ring.close();
}

describe('CameraHelper', () => {
  it('a slow helper takes the newest frame each time and counts the frames it skipped', async () => {
    const ring = FrameRing.create({ slots: 4, shape: [4, 4], dtype: 'uint8' });
    const helper = new Collector({ delayMs: 15 });
    const stats = await runWith(helper, ring, 60, 2);
    expect(helper.seen.length).toBeLessThan(60);
    expect(helper.seen).toEqual([...helper.seen].sort((a, b) => a - b));
    expect(helper.values).toEqual(helper.seen.map((i) => i % 256));
    expect(stats.processed + stats.skipped).toBe(helper.seen.at(-1)! + 1);
    expect(stats.processed).toBe(helper.seen.length);
  });

  it('with everyFrame, gets every period-th frame in order; the writer waits for it', async () => {
    const ring = FrameRing.create({ slots: 3, shape: [4, 4], dtype: 'uint8' });
    const helper = new Collector({ everyFrame: true, period: 3, delayMs: 2 });
    const stats = await runWith(helper, ring, 40);
    expect(helper.seen).toEqual(Array.from({ length: 14 }, (_, k) => 3 * k));
    expect(helper.values).toEqual(helper.seen);
    expect(stats).toEqual({ processed: 14, skipped: 0 });
    expect(ring.writerWaits).toBeGreaterThan(0);
  });
});
