import type { OverlayItem } from '../helpers/helper-messages.js';
import type { SettingInfo } from '../settings/camera-setting.js';
import type { CameraHandle } from './camera-hub.js';

/** A frame as the page's camera panel takes it: colors in R, G, B order. */
export interface PanelFrame {
  /** The frame's index in the ring. */
  index: number;
  /** Seconds since t0 (0 while configuring, before t0). */
  t: number;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** 1 for gray, 3 for color (R, G, B). */
  channels: 1 | 3;
  /** The pixels, copied out of the ring. */
  pixels: Uint8Array | Uint16Array;
}

/** A setting as the page's camera panel shows it. */
export type PanelSetting =
  | { kind: 'bool'; name: string; value: boolean }
  | { kind: 'scale'; name: string; value: number; min: number; max: number; step: number }
  | { kind: 'choice' | 'trigger'; name: string; value: string; choices: readonly string[] };

/**
 * The feed of a Camera Block for the page's camera panel (`@crappy/ui`'s
 * `CameraFeed`, which this matches member for member): the newest frame,
 * the settings set live, the overlay of its helpers, the hold.
 */
export interface PanelFeed {
  /** A copy of the newest frame, `null` before the first. */
  newestFrame(): PanelFrame | null;
  /** The camera's settings. */
  settings(): readonly PanelSetting[];
  /** Sets a setting live. */
  setSetting(name: string, value: boolean | number | string): Promise<unknown>;
  /** Sets the software ROI. */
  setRoi(x: number, y: number, width: number, height: number): Promise<unknown>;
  /** What the helpers draw over the image. */
  overlay(): readonly OverlayItem[];
  /** Whether the test waits for {@link PanelFeed.release}. */
  holding(): boolean;
  /** Starts the test. */
  release(): void;
  /** Hands a shape drawn by the user to the processing helper. */
  sendDrawn(shape: OverlayItem): void;
  /** Calls `listener` when the settings, the overlay or the hold change; returns the remover. */
  onChange(listener: () => void): () => void;
}

/** The page's form of a setting. */
function panelSetting(setting: SettingInfo): PanelSetting {
  if (setting.kind === 'bool') return { kind: 'bool', name: setting.name, value: setting.value as boolean };
  if (setting.kind === 'scale') {
    return { kind: 'scale', name: setting.name, value: setting.value as number, min: setting.lowest!, max: setting.highest!, step: setting.step! };
  }
  return { kind: setting.name === 'trigger' ? 'trigger' : 'choice', name: setting.name, value: setting.value as string, choices: setting.choices ?? [] };
}

/** The feed of the camera behind `handle`, for the page's camera panel. */
export function panelFeed(handle: CameraHandle): PanelFeed {
  const overlays = new Map<string, readonly OverlayItem[]>();
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((listener) => listener());
  handle.on('overlay', (helper, items) => {
    overlays.set(helper, items);
    changed();
  });
  handle.on('settings', changed);
  return {
    newestFrame() {
      const frame = handle.latestFrame();
      if (frame === null) return null;
      const [height, width] = frame.image.shape;
      const channels = frame.image.shape.length === 3 ? 3 : 1;
      const pixels = frame.image.data;
      if (channels === 3) {
        // The ring holds B, G, R (OpenCV's order); the page wants R, G, B. The copy is the frame's own.
        for (let i = 0; i < pixels.length; i += 3) [pixels[i], pixels[i + 2]] = [pixels[i + 2]!, pixels[i]!];
      }
      const t = frame.metadata['t(s)'];
      return { index: frame.index, t: typeof t === 'number' && Number.isFinite(t) ? t : 0, width, height, channels, pixels };
    },
    settings: () => handle.settings.map(panelSetting),
    setSetting: (name, value) => handle.setSetting(name, value),
    setRoi: (x, y, width, height) => handle.setRoi(x, y, width, height),
    overlay: () => [...overlays.values()].flat(),
    holding: () => handle.holding,
    release() {
      handle.release();
      changed();
    },
    sendDrawn: (shape) => handle.sendDrawn(shape),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
