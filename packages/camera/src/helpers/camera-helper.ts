import type { MessagePort } from 'node:worker_threads';
import { LogLevel, type Message } from '@crappy/core';
import type { Awaitable } from '../camera.js';
import type { FrameRing, HeldFrame } from '../ring/frame-ring.js';
import type { HelperMessage, HelperStats, OverlayItem } from './helper-messages.js';

/** How long a helper sleeps at most waiting for a frame, before it checks again (ms). */
const FRAME_WAIT_MS = 100;
/** How long a helper with nothing under way blocks its thread waiting for a frame, at most (ms). */
const BLOCKING_WAIT_MS = 5;
/** The helper's event loop gets a turn at least this often (ms): messages and timers. */
const YIELD_PERIOD_MS = 20;

/**
 * The base of a Camera Block's helpers (the recorder, the displayer, image
 * processing): each runs in a worker of its own and reads the frames in
 * place in the Block's frame ring.
 *
 * By default a helper takes the newest frame each time it is ready for one,
 * and counts the frames it did not see ({@link CameraHelper.skipped}). With
 * {@link CameraHelper.everyFrame}, it takes every `period`-th frame in
 * order, and the camera waits for it rather than overwrite a frame it still
 * needs. {@link CameraHelper.process} may return a Promise: up to
 * {@link CameraHelper.concurrency} frames are then processed at once, each
 * held in the ring until its Promise settles.
 */
export abstract class CameraHelper {
  /** Whether every `period`-th frame must be processed (the camera waits), rather than the newest. */
  protected everyFrame = false;
  /** Process one frame in `period` (frame indices at least `period` apart). */
  protected period = 1;
  /** How many frames may be processed at once. */
  protected concurrency = 1;
  /** Frames processed so far. */
  processed = 0;
  /** Frames published that this helper did not see. */
  skipped = 0;
  private port: MessagePort | null = null;

  /** Prepares the helper (open files, start threads); the test starts once every helper is ready. */
  init(): Awaitable<void> {}

  /** Handles one frame, held in place until the returned Promise (if any) settles. */
  abstract process(frame: HeldFrame): Awaitable<void>;

  /** Called once at the end, after the last frame, even after an error. */
  finish(): Awaitable<void> {}

  /** Receives the shapes the user drew on the camera panel (for processing helpers). */
  onDrawn(_shapes: unknown): void {}

  /** Sends a message on the Camera Block's output Links (the Block sends it). */
  send(data: Message): void {
    this.post({ type: 'send', data });
  }

  /** Draws items over the image in the camera panel, replacing what this helper drew before. */
  draw(items: OverlayItem[]): void {
    this.post({ type: 'overlay', items });
  }

  /** Hands a preview to the main thread's camera panel (the displayer). @internal */
  protected preview(message: Extract<HelperMessage, { type: 'preview' }>): void {
    this.post(message);
  }

  /** Logs a message under the Camera Block's name. */
  log(level: LogLevel, message: string): void {
    this.post({ type: 'log', level, message: `${this.constructor.name}: ${message}` });
  }

  private post(message: HelperMessage): void {
    this.port?.postMessage(message);
  }

  /**
   * Runs the helper on `ring` from frame `firstFrame` until the ring is
   * closed and every frame it must see was processed.
   * @internal
   */
  async run(ring: FrameRing, port: MessagePort, firstFrame: number): Promise<HelperStats> {
    this.port = port;
    const pending = new Set<Promise<void>>();
    let failure: unknown = null;
    try {
      await this.init();
      let next = firstFrame;
      let lastYield = performance.now();
      // The cursor is set before the helper says it is ready: the camera starts only then.
      if (this.everyFrame) ring.setCursor(next);
      this.post({ type: 'ready' });
      while (failure === null) {
        if (performance.now() - lastYield > YIELD_PERIOD_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
        const published = ring.published;
        if (published <= next) {
          if (ring.closed) break;
          // Nothing under way: block the thread briefly, to wake at once when the frame comes.
          if (pending.size === 0) ring.waitForFrameBlocking(published, BLOCKING_WAIT_MS);
          else await ring.waitForFrame(published, FRAME_WAIT_MS);
          continue;
        }
        const frame = this.everyFrame ? ring.holdFrame(next) : ring.holdLatest();
        if (frame === null || frame.index < next) {
          if (frame !== null) ring.release(frame);
          // With a cursor, a frame is missing only when it was published before the cursor was set: skip it.
          if (this.everyFrame && frame === null) {
            this.skipped += 1;
            next += 1;
            ring.setCursor(next);
            continue;
          }
          await ring.waitForFrame(published, 1);
          continue;
        }
        this.skipped += this.everyFrame ? 0 : Math.floor((frame.index - next) / this.period);
        next = frame.index + this.period;
        if (this.everyFrame) ring.setCursor(next);
        this.processed += 1;
        const done = Promise.resolve()
          .then(() => this.process(frame))
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => {
            ring.release(frame);
            pending.delete(done);
          });
        pending.add(done);
        if (pending.size >= this.concurrency) await Promise.race(pending);
      }
      await Promise.all(pending);
      if (failure !== null) throw failure;
    } finally {
      if (this.everyFrame) ring.setCursor(-1);
      await Promise.all(pending);
      await this.finish();
    }
    return { processed: this.processed, skipped: this.skipped, ...this.report() };
  }

  /** What a helper adds to its end report (the recorder: its folder). */
  protected report(): Partial<HelperStats> {
    return {};
  }
}
