import { CameraHelper } from './camera-helper.js';
import type { HeldFrame } from '../ring/frame-ring.js';
import { channelsOf } from '../image.js';

/** Options of {@link PreviewMaker}. */
export interface PreviewOptions {
  /** Previews per second. */
  framerate: number;
}

/**
 * The displayer: at most `framerate` times a second, takes the newest
 * frame, downscales it to fit 640 × 480, encodes it as JPEG with sharp, and
 * hands it with its 256-bin histogram to the main thread for the camera panel.
 */
export class PreviewMaker extends CameraHelper {
  private readonly interval: number;
  private last = 0;

  constructor(options: PreviewOptions) {
    super();
    this.interval = 1000 / options.framerate;
  }

  override async process(frame: HeldFrame): Promise<void> {
    const wait = this.last + this.interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.last = performance.now();
    const { image } = frame;
    const [height, width] = image.shape;
    const sharp = (await import('sharp')).default;
    const eight = image.dtype === 'uint8' ? (image.data as Uint8Array) : Uint8Array.from(image.data as Uint16Array, (v) => v >> 8);
    const histogram = new Array<number>(256).fill(0);
    for (let i = 0; i < eight.length; i += 1) histogram[eight[i]!]! += 1;
    const jpeg = await sharp(eight, { raw: { width, height, channels: channelsOf(image.shape) } })
      .resize({ width: 640, height: 480, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    this.preview({ type: 'preview', image: new Uint8Array(jpeg), width, height, index: frame.index, metadata: frame.metadata(), histogram });
  }
}
