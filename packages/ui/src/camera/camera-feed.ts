/**
 * What the camera panel of the page needs from a Block with images, in the
 * main thread: the newest frame, the camera's settings, the shapes drawn
 * over the image, and whether the run waits for "Start the test". The
 * Camera Block of `@crappy/camera` implements it; any Block can.
 * @module
 */

/** One image, as the main thread reads it from a camera's frame ring. */
export interface CameraFrame {
  /** The frame's index in the run (0 for the first). */
  index: number;
  /** Its time, in seconds since the run's t0. */
  t: number;
  width: number;
  height: number;
  /** 1 for gray, 3 for color (red, green, blue). */
  channels: 1 | 3;
  /** The pixels, row after row, `channels` values a pixel: 8-bit or 16-bit. */
  pixels: Uint8Array | Uint16Array;
}

/**
 * The main thread's handle on a camera, as the panel uses it: its frames,
 * its settings (set live), the shapes drawn over its image, and the hold
 * before the test starts. Setting changes are applied by the camera's
 * Block between two images.
 */
export interface CameraFeed {
  /** A copy of the newest complete frame, or `null` before the first. */
  newestFrame(): CameraFrame | null;
  /** The camera's settings and their current values. */
  settings(): readonly CameraSettingInfo[];
  /** Sets a setting; resolves once applied, rejects with the camera's reason when the value is refused. */
  setSetting(name: string, value: boolean | number | string): Promise<unknown>;
  /** Sets the software ROI in one step (`ROI_x`, `ROI_y`, `ROI_width`, `ROI_height`). */
  setRoi(x: number, y: number, width: number, height: number): Promise<unknown>;
  /** The shapes drawn over the image by the Block's processing. */
  overlay(): readonly OverlayShape[];
  /** Whether the test waits for {@link CameraFeed.release} (`config: true`). */
  holding(): boolean;
  /** Starts the test: ends the hold. */
  release(): void;
  /** Hands a shape the user drew over the image to the Block (a spot, a patch). */
  sendDrawn(shape: OverlayShape): void;
  /** Calls `listener` whenever the settings, the overlay or the hold change; returns the remover. */
  onChange(listener: () => void): () => void;
}

/** A camera setting as the panel shows it: a checkbox, a slider, a list or the trigger mode. */
export type CameraSettingInfo =
  | { kind: 'bool'; name: string; value: boolean }
  | { kind: 'scale'; name: string; value: number; min: number; max: number; step: number }
  | { kind: 'choice' | 'trigger'; name: string; value: string; choices: readonly string[] };

/**
 * A shape drawn over the image, in the image's pixels (x to the right, y
 * down): by a processing Block (its spots, its patches) or by the user.
 */
export type OverlayShape =
  | { type: 'box'; x: number; y: number; width: number; height: number; color?: string }
  | { type: 'point'; x: number; y: number; radius?: number; color?: string }
  | { type: 'text'; x: number; y: number; text: string; color?: string };

/**
 * The camera panel's settings, given by the Block's `panel()` as the
 * `settings` of a panel of kind `'camera'`.
 */
export interface CameraPanelSettings {
  /** Images sent to each browser per second, at most. */
  framerate: number;
  /**
   * What a left drag over the image draws and sends to the Block as a
   * `camera-draw` event: `'roi'` sets the camera's software ROI (its
   * `ROI_x`, `ROI_y`, `ROI_width` and `ROI_height` settings), `'box'` hands
   * a box to the Block (a processing Block's patch or spot), `null` draws nothing.
   */
  draw: 'roi' | 'box' | null;
}

/**
 * What the server tells a camera panel, as the `values` of a `'values'`
 * panel update (the server keeps the last for browsers that connect later).
 */
export interface CameraPanelValues {
  /** The camera's settings and their current values. */
  settings: readonly CameraSettingInfo[];
  /** The shapes drawn over the image. */
  overlay: readonly OverlayShape[];
  /** True while the run waits for the user to click "Start the test" (`config: true`). */
  waiting: boolean;
}

/** A Block with a camera panel: its main-thread copy hands out the feed of its frames. */
export interface CameraPanelBlock {
  /** The feed of the Block's frames, or `null` while it has none yet (before its worker made its frame ring). */
  cameraFeed(): CameraFeed | null;
}

/** Whether `block` hands out a camera feed. */
export function isCameraPanelBlock(block: object): block is CameraPanelBlock {
  return typeof (block as Partial<CameraPanelBlock>).cameraFeed === 'function';
}
