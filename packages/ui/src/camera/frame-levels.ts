import type { CameraFrame } from './camera-feed.js';

/**
 * What the camera panel shows of a frame's levels, and how it maps them to
 * the 8 bits of the screen, as the original's CameraConfig does
 * (crappy/tool/camera_config/camera_config.py, `_cast_img`):
 * - `bits` is the bit depth the brightest pixel needs, ceil(log2(max + 1));
 * - without auto range, an 8-bit frame shows as it is and a 16-bit one is
 *   divided by 2^(bits − 8);
 * - with auto range, the levels between the 3rd and the 97th percentile are
 *   stretched over 0 to 255.
 * Color frames are measured on their gray level (0.299 R + 0.587 G + 0.114 B),
 * large ones on {@link MAX_MEASURED_PIXELS} pixels spread over the frame.
 */
export interface FrameLevels {
  /** Darkest and brightest level of the frame. */
  min: number;
  max: number;
  /** The bit depth the brightest level needs. */
  bits: number;
  /** Counts of the 256 levels the pixels measured show as, without auto range. */
  histogram: number[];
  /** With auto range: the levels shown as black and as white; `null` without. */
  range: [number, number] | null;
}

/** Most pixels measured: beyond, one pixel in every few, spread over the frame, so that the main thread stays free. */
export const MAX_MEASURED_PIXELS = 1 << 18;

/** The gray levels of the pixels measured of `frame`: all of them up to {@link MAX_MEASURED_PIXELS}. */
function grayLevels(frame: CameraFrame): Uint8Array | Uint16Array {
  const count = frame.width * frame.height;
  const step = Math.ceil(count / MAX_MEASURED_PIXELS);
  if (frame.channels === 1 && step === 1) return frame.pixels;
  const gray = frame.pixels instanceof Uint16Array ? new Uint16Array(Math.ceil(count / step)) : new Uint8Array(Math.ceil(count / step));
  const px = frame.pixels;
  for (let i = 0, pixel = 0; pixel < count; i++, pixel += step) {
    const k = pixel * frame.channels;
    gray[i] = frame.channels === 1 ? px[k]! : Math.round(0.299 * px[k]! + 0.587 * px[k + 1]! + 0.114 * px[k + 2]!);
  }
  return gray;
}

/** The level of rank `rank` (0 for the darkest) among the counted levels. */
function levelAtRank(counts: Uint32Array, rank: number): number {
  let seen = 0;
  for (let level = 0; level < counts.length; level++) {
    seen += counts[level]!;
    if (seen > rank) return level;
  }
  return counts.length - 1;
}

/** The `fraction` quantile of the counted levels, interpolated between ranks as numpy's `percentile` does. */
function quantile(counts: Uint32Array, total: number, fraction: number): number {
  const position = fraction * (total - 1);
  const below = levelAtRank(counts, Math.floor(position));
  return below + (position - Math.floor(position)) * (levelAtRank(counts, Math.ceil(position)) - below);
}

/** Measures `frame`'s levels; with `autoRange`, also the range stretched over the screen's 256 levels. */
export function measureLevels(frame: CameraFrame, autoRange: boolean): FrameLevels {
  const gray = grayLevels(frame);
  const counts = new Uint32Array(gray instanceof Uint16Array ? 65536 : 256);
  for (let i = 0; i < gray.length; i++) counts[gray[i]!]!++;
  let min = 0;
  while (min < counts.length - 1 && counts[min] === 0) min++;
  let max = counts.length - 1;
  while (max > 0 && counts[max] === 0) max--;
  const bits = Math.ceil(Math.log2(max + 1));
  const histogram = new Array<number>(256).fill(0);
  const shift = gray instanceof Uint16Array ? 2 ** (bits - 8) : 1;
  for (let level = min; level <= max; level++) {
    if (counts[level] !== 0) histogram[Math.min(255, Math.floor(level / shift))]! += counts[level]!;
  }
  const range: [number, number] | null = autoRange ? [quantile(counts, gray.length, 0.03), quantile(counts, gray.length, 0.97)] : null;
  return { min, max, bits, histogram, range };
}

/**
 * The 8-bit values the screen shows for `values` (pixels of a frame, or of
 * a part of it), by the rule of {@link FrameLevels}.
 */
export function toScreenLevels(values: Uint8Array | Uint16Array, levels: FrameLevels): Uint8Array {
  const out = new Uint8Array(values.length);
  if (levels.range !== null) {
    const [low, high] = levels.range;
    const scale = high > low ? 255 / (high - low) : 0;
    for (let i = 0; i < values.length; i++) out[i] = Math.min(255, Math.max(0, (values[i]! - low) * scale));
    return out;
  }
  if (values instanceof Uint8Array) return values;
  const divisor = 2 ** (levels.bits - 8);
  for (let i = 0; i < values.length; i++) out[i] = Math.min(255, values[i]! / divisor);
  return out;
}
