import type { WebSocket } from 'ws';
import type { CameraFeed, CameraFrame } from './camera-feed.js';
import { renderView, type RenderedView, type ViewRequest } from './frame-view.js';

/**
 * The image of one camera panel, streamed to the browsers that show it: at
 * most `framerate` times a second, only when a browser is connected and the
 * newest frame or its view changed, each browser getting the part of the
 * image it asked for (zoom and pan are per browser). One rendering at a time,
 * shared by the browsers asking for the same view, so a slow browser or a
 * large frame makes the stream skip frames, never queue them.
 *
 * An image travels as one binary WebSocket message: the panel's id (uint32,
 * little-endian), the length of a JSON header (uint32), the header (the
 * {@link RenderedView} without its JPEG), then the JPEG.
 * @internal
 */
export class CameraStream {
  private readonly views = new Map<WebSocket, { request: ViewRequest; sentIndex: number }>();
  private timer: NodeJS.Timeout | null = null;
  private rendering = false;
  /** The frame last rendered for a browser: what the page shows, and what a probe reads. */
  private shown: CameraFrame | null = null;

  /**
   * @param id the panel's id (its Block's index in the run)
   * @param feed the Block's frames, or `null` while it has none yet
   * @param framerate images sent to each browser per second, at most
   * @param onError told once of a frame that could not be shown
   */
  constructor(
    readonly id: number,
    private readonly feed: () => CameraFeed | null,
    private readonly framerate: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Streams to `socket`, showing what `request` asks (a new request replaces the socket's previous one). */
  show(socket: WebSocket, request: ViewRequest): void {
    this.views.set(socket, { request, sentIndex: -1 });
    if (this.timer === null) {
      this.timer = setInterval(() => void this.tick(), 1000 / this.framerate);
      this.timer.unref();
    }
    void this.tick();
  }

  /** Stops streaming to `socket`. */
  forget(socket: WebSocket): void {
    this.views.delete(socket);
    if (this.views.size === 0) this.stop();
  }

  /** The level at pixel (x, y) of the frame the page shows: one number for gray, three for color; `null` outside it or before it. */
  probe(x: number, y: number): number | number[] | null {
    const frame = this.shown;
    if (frame === null || !Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= frame.width || y >= frame.height) return null;
    const at = (y * frame.width + x) * frame.channels;
    return frame.channels === 1 ? frame.pixels[at]! : Array.from(frame.pixels.subarray(at, at + 3));
  }

  /** Stops the timer; the sockets are closed by the server. */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    if (this.rendering || this.views.size === 0) return;
    const frame = this.feed()?.newestFrame() ?? null;
    if (frame === null) return;
    this.shown = frame;
    this.rendering = true;
    try {
      await this.send(frame);
    } catch (error) {
      this.onError(error);
      this.stop();
    } finally {
      this.rendering = false;
    }
  }

  /** Renders each distinct view of `frame` once and sends it to the sockets that asked for it and have not seen it. */
  private async send(frame: CameraFrame): Promise<void> {
    const byRequest = new Map<string, { request: ViewRequest; sockets: WebSocket[] }>();
    for (const [socket, view] of this.views) {
      if (view.sentIndex === frame.index || socket.readyState !== socket.OPEN) continue;
      const key = JSON.stringify(view.request);
      const group = byRequest.get(key) ?? { request: view.request, sockets: [] };
      group.sockets.push(socket);
      byRequest.set(key, group);
    }
    for (const { request, sockets } of byRequest.values()) {
      const message = encodeView(this.id, await renderView(frame, request));
      for (const socket of sockets) {
        const view = this.views.get(socket);
        // The socket may have gone, or asked for another view, while the image was rendered.
        if (view === undefined || view.request !== request) continue;
        view.sentIndex = frame.index;
        socket.send(message);
      }
    }
  }
}

/** The binary message of a rendered view (see {@link CameraStream}). */
export function encodeView(id: number, view: RenderedView): Buffer {
  const { jpeg, ...header } = view;
  const json = Buffer.from(JSON.stringify(header));
  const head = Buffer.alloc(8);
  head.writeUInt32LE(id, 0);
  head.writeUInt32LE(json.length, 4);
  return Buffer.concat([head, json, jpeg]);
}
