import type { WebSocket } from 'ws';
import type { CameraFeed, CameraPanelBlock, CameraPanelSettings, CameraPanelValues, OverlayShape } from './camera-feed.js';
import { CameraStream } from './camera-stream.js';
import type { ViewRequest } from './frame-view.js';

/** A message from a page to a camera panel: its `type`, and what goes with it. */
export type CameraMessage = { type?: unknown } & Record<string, unknown>;

/** What a camera panel tells the server: new values for its browsers, a problem to log. */
export interface CameraPanelHost {
  /** Sends the panel's values to its browsers (and keeps them for later ones). */
  values(values: CameraPanelValues): void;
  /** Logs an error of the panel. */
  error(message: string): void;
}

const isNumbers = (value: unknown, length: number): value is number[] =>
  Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'number' && Number.isFinite(v));

/**
 * The server's side of one camera panel, in the main thread: streams the
 * image to the browsers (per browser view, {@link CameraStream}), answers
 * their pixel probes, relays the settings, the overlay and the hold of the
 * Block's camera to them, and applies what the operator does (settings, ROI,
 * shapes drawn, "Start the test") through the camera's {@link CameraFeed}.
 * @internal
 */
export class CameraPanel {
  private readonly stream: CameraStream;
  private feed: CameraFeed | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly id: number,
    private readonly block: CameraPanelBlock & { name: string },
    settings: CameraPanelSettings,
    private readonly host: CameraPanelHost,
  ) {
    this.stream = new CameraStream(id, () => this.attach(), settings.framerate, (error) =>
      host.error(`${block.name}: its image cannot be shown on the page: ${String(error)}`),
    );
  }

  /**
   * The Block's feed, once its worker made it (during the Block's
   * `prepare()`); from then on, each change of the camera reaches the page.
   */
  attach(): CameraFeed | null {
    if (this.feed !== null) return this.feed;
    const feed = this.block.cameraFeed();
    if (feed === null) return null;
    this.feed = feed;
    const push = (): void => this.host.values({ settings: feed.settings(), overlay: feed.overlay(), waiting: feed.holding() });
    this.unsubscribe = feed.onChange(push);
    push();
    return feed;
  }

  /** A browser's view request (`camera-view`) or pixel probe (`camera-probe`): a view-only page may send them. */
  view(socket: WebSocket, message: CameraMessage): void {
    if (message.type === 'camera-view') {
      const request: ViewRequest = { autoRange: message.autoRange === true };
      if (isNumbers(message.crop, 4)) request.crop = message.crop as unknown as ViewRequest['crop'];
      if (isNumbers(message.size, 2)) request.size = message.size as unknown as ViewRequest['size'];
      this.stream.show(socket, request);
    } else if (message.type === 'camera-probe' && typeof message.x === 'number' && typeof message.y === 'number') {
      socket.send(JSON.stringify({ type: 'camera-probe', id: this.id, x: message.x, y: message.y, value: this.stream.probe(message.x, message.y) }));
    }
  }

  /**
   * The operator's command: a setting (`camera-setting`), a ROI
   * (`camera-roi`), a shape drawn (`camera-draw`) or "Start the test"
   * (`camera-start`). A value the camera refuses is logged and the page
   * shows the setting's value again.
   */
  command(message: CameraMessage): void {
    const feed = this.attach();
    if (feed === null) return;
    const refused = (error: unknown): void => {
      this.host.error(`${this.block.name}: ${error instanceof Error ? error.message : String(error)}`);
      this.host.values({ settings: feed.settings(), overlay: feed.overlay(), waiting: feed.holding() });
    };
    const { type, name, value, roi, shape } = message;
    if (type === 'camera-setting' && typeof name === 'string' && ['boolean', 'number', 'string'].includes(typeof value)) {
      feed.setSetting(name, value as boolean | number | string).catch(refused);
    } else if (type === 'camera-roi' && isNumbers(roi, 4)) {
      feed.setRoi(roi[0]!, roi[1]!, roi[2]!, roi[3]!).catch(refused);
    } else if (type === 'camera-draw' && isShape(shape)) {
      feed.sendDrawn(shape);
    } else if (type === 'camera-start' && feed.holding()) {
      feed.release();
    }
  }

  /** Stops streaming to `socket` (it closed). */
  forget(socket: WebSocket): void {
    this.stream.forget(socket);
  }

  /** Stops the stream and the relay (the run ended). */
  close(): void {
    this.stream.stop();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

/** Whether `shape` is a box drawn over the image (the only shape a page draws). */
function isShape(shape: unknown): shape is OverlayShape {
  if (typeof shape !== 'object' || shape === null) return false;
  const { type, x, y, width, height } = shape as Record<string, unknown>;
  return type === 'box' && [x, y, width, height].every((v) => typeof v === 'number' && Number.isFinite(v));
}
