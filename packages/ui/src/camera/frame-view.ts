import type { CameraFrame } from './camera-feed.js';
import { measureLevels, toScreenLevels, type FrameLevels } from './frame-levels.js';

/** The part of a frame a browser shows, and how. */
export interface ViewRequest {
  /** The part of the image shown, `[x, y, width, height]` in the frame's pixels (the whole frame by default). */
  crop?: readonly [number, number, number, number];
  /** The size of the browser's image area, `[width, height]` in screen pixels (default 640 × 480). */
  size?: readonly [number, number];
  /** Stretch the 3rd to 97th percentile of the levels over black to white. */
  autoRange?: boolean;
}

/** A view of a frame, ready to send: a JPEG of the part shown and what the panel prints beside it. */
export interface RenderedView {
  jpeg: Buffer;
  /** The frame's index and time. */
  index: number;
  t: number;
  /** The frame's size, `[width, height]`. */
  frameSize: [number, number];
  /** The part of the frame the JPEG shows, `[x, y, width, height]` (the crop asked, kept inside the frame). */
  crop: [number, number, number, number];
  /** The JPEG's size, `[width, height]`. */
  size: [number, number];
  levels: FrameLevels;
}

const DEFAULT_SIZE: readonly [number, number] = [640, 480];
/** The largest image area a browser may ask for: a panel on a large screen. */
const MAX_SIZE = 4096;

/** `crop` kept inside a frame of `width` × `height`, in whole pixels, at least one pixel. */
export function clampCrop(crop: readonly number[] | undefined, width: number, height: number): [number, number, number, number] {
  if (crop === undefined || crop.length !== 4 || crop.some((v) => !Number.isFinite(v))) return [0, 0, width, height];
  const x = Math.min(width - 1, Math.max(0, Math.floor(crop[0]!)));
  const y = Math.min(height - 1, Math.max(0, Math.floor(crop[1]!)));
  const w = Math.min(width - x, Math.max(1, Math.round(crop[2]!)));
  const h = Math.min(height - y, Math.max(1, Math.round(crop[3]!)));
  return [x, y, w, h];
}

/** The size of a `w` × `h` picture fitted inside `size`, keeping its proportions. */
export function fitInside(w: number, h: number, size: readonly number[] | undefined): [number, number] {
  const valid = size !== undefined && size.length === 2 && size.every((v) => Number.isFinite(v) && v >= 1);
  const [boxW, boxH] = valid ? size.map((v) => Math.min(MAX_SIZE, Math.floor(v))) : DEFAULT_SIZE;
  const scale = Math.min(boxW! / w, boxH! / h);
  return [Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale))];
}

/**
 * Renders the part of `frame` a browser asked for: cropped and scaled by
 * sharp at the frame's own depth (nearest pixel when zoomed in, so that
 * pixels show as squares), then mapped to 8 bits by the panel's rule
 * ({@link measureLevels}) and encoded as JPEG.
 */
export async function renderView(frame: CameraFrame, request: ViewRequest): Promise<RenderedView> {
  const { default: sharp } = await import('sharp');
  const levels = measureLevels(frame, request.autoRange === true);
  const crop = clampCrop(request.crop, frame.width, frame.height);
  const [outW, outH] = fitInside(crop[2], crop[3], request.size);
  const deep = frame.pixels instanceof Uint16Array;
  const color = frame.channels === 3;
  const scaled = await sharp(frame.pixels, { raw: { width: frame.width, height: frame.height, channels: frame.channels } })
    .extract({ left: crop[0], top: crop[1], width: crop[2], height: crop[3] })
    .resize(outW, outH, { fit: 'fill', kernel: outW >= crop[2] ? 'nearest' : 'lanczos3' })
    .toColourspace(color ? (deep ? 'rgb16' : 'srgb') : deep ? 'grey16' : 'b-w')
    .raw({ depth: deep ? 'ushort' : 'uchar' })
    .toBuffer();
  const values = deep ? new Uint16Array(scaled.buffer, scaled.byteOffset, scaled.length / 2) : new Uint8Array(scaled.buffer, scaled.byteOffset, scaled.length);
  const screen = toScreenLevels(values, levels);
  const jpeg = await sharp(screen, { raw: { width: outW, height: outH, channels: frame.channels } }).jpeg({ quality: 85 }).toBuffer();
  return { jpeg, index: frame.index, t: frame.t, frameSize: [frame.width, frame.height], crop, size: [outW, outH], levels };
}
