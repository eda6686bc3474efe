import { Camera, type CameraFrame } from '../camera.js';
import type { Image } from '../image.js';

/** Makes an image from the strains `Exx` and `Eyy` (in %), as the Camera Block's `imageGenerator`. */
export type ImageGenerator = (exx: number, eyy: number) => Image;

/**
 * The camera of a Camera Block given an `imageGenerator`: its scale
 * settings `Exx` and `Eyy` (−100 to 100 %, default 0) are set from the
 * Block's inputs, and a software ROI covers the generated image.
 */
export class GeneratorCamera extends Camera {
  /** @param generator makes the image for the current strains */
  constructor(private readonly generator: ImageGenerator) {
    super();
    this.addScaleSetting('Exx', -100, 100, { default: 0, integer: false });
    this.addScaleSetting('Eyy', -100, 100, { default: 0, integer: false });
  }

  override open(options: Record<string, unknown>): void {
    const first = this.generator(0, 0);
    this.addSoftwareRoi(first.shape[1], first.shape[0]);
    this.setAll(options);
  }

  getImage(): CameraFrame | null {
    const image = this.applySoftRoi(this.generator(this.getSetting('Exx') as number, this.getSetting('Eyy') as number));
    return image === null ? null : [this.clock.time(), image];
  }
}
