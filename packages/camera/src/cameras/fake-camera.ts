import { Camera, type CameraFrame } from '../camera.js';
import type { Image, ImageDtype, ImageShape } from '../image.js';

/** Options of {@link FakeCamera}, given as options of the Camera Block. */
export interface FakeCameraOptions {
  /** Image width in pixels (default 640). */
  width?: number;
  /** Image height in pixels (default 480). */
  height?: number;
  /** 8 (default) or 16 bits per pixel value. */
  bitDepth?: 8 | 16;
  /** Color (B, G, R) images, 8-bit only (default false). */
  color?: boolean;
  /** Setting: how fast the pattern moves, in pixels per second (default 100). */
  speed?: number;
  /** Setting: the most images per second (default 50). */
  fps?: number;
}

/**
 * A camera without hardware: a pattern of diagonal stripes that moves
 * sideways at `speed` pixels per second, at most `fps` images per second.
 * Its size, bit depth and color are options; `speed` and `fps` are
 * settings, with a software ROI.
 */
export class FakeCamera extends Camera {
  private shape: ImageShape = [480, 640];
  private dtype: ImageDtype = 'uint8';
  private next = 0;
  private start = 0;

  constructor() {
    super();
    this.addScaleSetting('speed', 0, 2000, { default: 100, integer: false });
    this.addScaleSetting('fps', 0.1, 1000, { default: 50 });
  }

  /** @throws RangeError naming a wrong size, bit depth or color option */
  override open(options: Record<string, unknown>): void {
    const { width = 640, height = 480, bitDepth = 8, color = false, ...settings } = options as FakeCameraOptions & Record<string, unknown>;
    for (const [name, value] of [['width', width], ['height', height]] as const) {
      if (!Number.isInteger(value) || value < 2 || value > 16384) throw new RangeError(`FakeCamera: ${name} must be an integer from 2 to 16384, got ${JSON.stringify(value)}`);
    }
    if (bitDepth !== 8 && bitDepth !== 16) throw new RangeError(`FakeCamera: bitDepth must be 8 or 16, got ${JSON.stringify(bitDepth)}`);
    if (typeof color !== 'boolean') throw new TypeError(`FakeCamera: color must be true or false, got ${JSON.stringify(color)}`);
    if (color && bitDepth === 16) throw new RangeError('FakeCamera: color images are 8-bit, set bitDepth to 8 or color to false');
    this.shape = color ? [height, width, 3] : [height, width];
    this.dtype = bitDepth === 8 ? 'uint8' : 'uint16';
    this.addSoftwareRoi(width, height);
    this.setAll(settings);
    this.start = this.clock.time();
  }

  override frameFormat(): { shape: ImageShape; dtype: ImageDtype } {
    return { shape: this.shape, dtype: this.dtype };
  }

  async getImage(): Promise<CameraFrame> {
    const wait = this.next - this.clock.time();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    const now = this.clock.time();
    this.next = Math.max(now, this.next) + 1 / (this.getSetting('fps') as number);
    const image = this.applySoftRoi(this.pattern((now - this.start) * (this.getSetting('speed') as number)));
    return [now, image!];
  }

  /** The stripes shifted by `offset` pixels. */
  private pattern(offset: number): Image {
    const [height, width] = this.shape;
    const channels = this.shape.length === 3 ? 3 : 1;
    const max = this.dtype === 'uint8' ? 255 : 65535;
    const data = this.dtype === 'uint8' ? new Uint8Array(height * width * channels) : new Uint16Array(height * width * channels);
    const shift = Math.floor(offset);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const value = Math.round(((((x + y + shift) % 64) + 64) % 64) * (max / 63));
        const at = (y * width + x) * channels;
        for (let c = 0; c < channels; c += 1) data[at + c] = c === 0 ? value : max - value;
      }
    }
    return { data, shape: this.shape, dtype: this.dtype };
  }
}
