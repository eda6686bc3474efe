import type { CameraFeed, CameraSettingInfo } from '@crappy/ui';
import type { OverlayItem } from '../helpers/helper-messages.js';
import type { SettingInfo } from '../settings/camera-setting.js';
import type { CameraHandle } from './camera-hub.js';

/** The page's form of a setting. */
function panelSetting(setting: SettingInfo): CameraSettingInfo {
  if (setting.kind === 'bool') return { kind: 'bool', name: setting.name, value: setting.value as boolean };
  if (setting.kind === 'scale') {
    return { kind: 'scale', name: setting.name, value: setting.value as number, min: setting.lowest!, max: setting.highest!, step: setting.step! };
  }
  return { kind: setting.name === 'trigger' ? 'trigger' : 'choice', name: setting.name, value: setting.value as string, choices: setting.choices ?? [] };
}

/**
 * The feed of the camera behind `handle`, for the page's camera panel
 * (`@crappy/ui`'s `CameraFeed`): the newest frame with its colors in R, G,
 * B order, the settings set live, the overlay of its helpers, the hold.
 */
export function panelFeed(handle: CameraHandle): CameraFeed {
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
