import { EventEmitter } from 'eventemitter3';
import { registerRunExtension, type Block, type RunContext } from '@crappy/core';
import type { FrameMetadata } from '../camera.js';
import type { OverlayItem } from '../helpers/helper-messages.js';
import { FrameRing, type HeldFrame } from '../ring/frame-ring.js';
import type { SettingInfo } from '../settings/camera-setting.js';
import { CAMERA_CHANNEL, type BlockToMain, type MainToBlock } from './camera-channel.js';

/** A preview made by a Camera Block's displayer (`displayImages: true`). */
export interface CameraPreview {
  /** JPEG bytes, downscaled to fit 640 × 480. */
  readonly jpeg: Uint8Array;
  /** Size of the full image. */
  readonly width: number;
  /** Size of the full image. */
  readonly height: number;
  /** The frame's index in the ring. */
  readonly index: number;
  /** The frame's metadata. */
  readonly metadata: FrameMetadata;
  /** 256-bin histogram of the full image (16-bit values by their high byte). */
  readonly histogram: readonly number[];
}

/** Events of one {@link CameraHandle}. */
export interface CameraHandleEvents {
  /** The settings changed (their current values). */
  settings: (settings: readonly SettingInfo[]) => void;
  /** A helper drew over the image (replacing what it drew before). */
  overlay: (helper: string, items: readonly OverlayItem[]) => void;
  /** A new preview. */
  preview: (preview: CameraPreview) => void;
}

/**
 * The main thread's handle on one Camera Block of the run under way: its
 * frame ring (read in place, without blocking), its settings (listed and set
 * live), the configuration hold, overlays and previews.
 */
export class CameraHandle extends EventEmitter<CameraHandleEvents> {
  /** The frame ring, shared with the Block's worker. */
  readonly ring: FrameRing;
  /** The settings as last reported by the Block. */
  settings: readonly SettingInfo[];
  /** Whether the Block waits for {@link CameraHandle.release} before the test starts. */
  holding: boolean;
  private nextId = 1;
  private readonly answers = new Map<number, { resolve: (settings: SettingInfo[]) => void; reject: (error: Error) => void }>();

  /** @internal */
  constructor(
    /** The Camera Block (the main thread's copy). */
    readonly block: Block,
    /** Its index among the run's Blocks. */
    readonly blockIndex: number,
    /** The Camera's name (`'FakeCamera'`). */
    readonly camera: string,
    buffer: SharedArrayBuffer,
    settings: SettingInfo[],
    config: boolean,
    private readonly post: (message: MainToBlock) => void,
  ) {
    super();
    this.ring = new FrameRing(buffer);
    this.settings = settings;
    this.holding = config;
  }

  /**
   * Copies the newest frame and its metadata out of the ring (the frame is
   * held only for the copy, so the camera is never kept waiting); `null`
   * before the first frame.
   */
  latestFrame(): { index: number; id: number; image: HeldFrame['image']; metadata: FrameMetadata } | null {
    const held = this.ring.holdLatest();
    if (held === null) return null;
    try {
      const data = held.image.data.slice();
      return { index: held.index, id: held.id, image: { ...held.image, data }, metadata: held.metadata() };
    } finally {
      this.ring.release(held);
    }
  }

  /**
   * Sets a setting of the camera, live (applied by the Block between two
   * images). Resolves with every setting's new state.
   * @throws Error with the camera's message when the setting refused the value
   */
  setSetting(name: string, value: boolean | number | string): Promise<SettingInfo[]> {
    return this.ask({ type: 'set', id: this.nextId++, name, value });
  }

  /** Sets the software ROI (`ROI_x`, `ROI_y`, `ROI_width`, `ROI_height`) in one step. */
  setRoi(x: number, y: number, width: number, height: number): Promise<SettingInfo[]> {
    return this.ask({ type: 'roi', id: this.nextId++, x, y, width, height });
  }

  /** Ends the configuration: the test starts (the panel's "start the test"). */
  release(): void {
    this.holding = false;
    this.post({ type: 'release' });
  }

  /** Hands the shapes the user drew on the image to the Block's processing helper. */
  sendDrawn(shapes: unknown): void {
    this.post({ type: 'drawn', shapes });
  }

  private ask(message: Extract<MainToBlock, { id: number }>): Promise<SettingInfo[]> {
    return new Promise((resolve, reject) => {
      this.answers.set(message.id, { resolve, reject });
      this.post(message);
    });
  }

  /** @internal */
  receive(message: BlockToMain): void {
    if (message.type === 'settings') {
      this.settings = message.settings;
      const answer = this.answers.get(message.id);
      this.answers.delete(message.id);
      if (message.error === null) answer?.resolve(message.settings);
      else answer?.reject(new Error(message.error));
      this.emit('settings', message.settings);
    } else if (message.type === 'overlay') {
      this.emit('overlay', message.helper, message.items);
    } else if (message.type === 'preview') {
      this.emit('preview', { jpeg: message.image, width: message.width, height: message.height, index: message.index, metadata: message.metadata, histogram: message.histogram });
    }
  }

  /** @internal the run ended: pending requests fail */
  end(): void {
    for (const answer of this.answers.values()) answer.reject(new Error(`The run ended before the camera ${this.camera} answered`));
    this.answers.clear();
  }
}

/** Events of {@link cameras}. */
export interface CameraHubEvents {
  /**
   * A Camera Block of the run made its frame ring (in its `prepare()`).
   * When `handle.holding` is true, the test waits for `handle.release()`; a
   * listener that does not want to hold must call it. Without any listener
   * and no panel on the page for the Block, the hold is released at once.
   */
  camera: (handle: CameraHandle) => void;
}

/**
 * The Camera Blocks of the run under way, in the main thread: the camera
 * panel listens to `'camera'` and finds each Block's {@link CameraHandle}
 * with {@link CameraHub.get}.
 */
export class CameraHub extends EventEmitter<CameraHubEvents> {
  private readonly handles = new Map<number, CameraHandle>();
  private run: RunContext | null = null;

  /** The handle of a Camera Block (by the Block or its index), once it made its ring. */
  get(block: Block | number): CameraHandle | undefined {
    if (typeof block === 'number') return this.handles.get(block);
    return [...this.handles.values()].find((handle) => handle.block === block);
  }

  /** Every handle of the run under way, by Block index. */
  all(): CameraHandle[] {
    return [...this.handles.values()];
  }

  /** @internal */
  onPrepare(run: RunContext): void {
    this.end();
    this.run = run;
  }

  /** @internal */
  onMessage(blockIndex: number, message: BlockToMain): void {
    const run = this.run;
    if (run === null) return;
    if (message.type === 'ring') {
      const handle = new CameraHandle(run.blocks[blockIndex]!, blockIndex, message.camera, message.buffer, message.settings, message.config, (data) =>
        run.post(blockIndex, data),
      );
      this.handles.set(blockIndex, handle);
      this.emit('camera', handle);
      // Nobody to release the hold (no listener, no panel on the page for this Block): the test starts at once.
      const panel = (handle.block as { panel?: () => unknown }).panel;
      if (handle.holding && this.listenerCount('camera') === 0 && (panel === undefined || panel.call(handle.block) === null)) handle.release();
      return;
    }
    this.handles.get(blockIndex)?.receive(message);
  }

  /** @internal */
  end(): void {
    for (const handle of this.handles.values()) handle.end();
    this.handles.clear();
    this.run = null;
  }
}

/** The Camera Blocks of the run under way (main thread only). */
export const cameras = new CameraHub();

registerRunExtension({
  name: CAMERA_CHANNEL,
  onPrepare: (run) => cameras.onPrepare(run),
  onMessage: (blockIndex, data) => cameras.onMessage(blockIndex, data as BlockToMain),
  onCleanup: () => cameras.end(),
});
