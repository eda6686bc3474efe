import type { FrameMetadata } from '../camera.js';
import type { OverlayItem } from '../helpers/helper-messages.js';
import type { SettingInfo } from '../settings/camera-setting.js';

/** The name of the channel between the Camera Blocks' workers and the main thread. @internal */
export const CAMERA_CHANNEL = 'crappy-camera';

/** Messages from a Camera Block's worker to the main thread. @internal */
export type BlockToMain =
  | { type: 'ring'; buffer: SharedArrayBuffer; camera: string; config: boolean; settings: SettingInfo[] }
  | { type: 'settings'; id: number; settings: SettingInfo[]; error: string | null }
  | { type: 'overlay'; helper: string; items: OverlayItem[] }
  | { type: 'preview'; image: Uint8Array; width: number; height: number; index: number; metadata: FrameMetadata; histogram: number[] };

/** Messages from the main thread to a Camera Block's worker. @internal */
export type MainToBlock =
  | { type: 'set'; id: number; name: string; value: boolean | number | string }
  | { type: 'roi'; id: number; x: number; y: number; width: number; height: number }
  | { type: 'release' }
  | { type: 'drawn'; shapes: unknown };
