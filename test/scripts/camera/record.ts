/**
 * Records a camera whose images are known from their number
 * (crappy/blocks/camera.py with save_images, camera_processes/record.py):
 * `record.ts <folder> <extension> <seconds> [fail]` runs three Camera
 * Blocks, 8-bit gray, 16-bit gray and 8-bit color, each recording into
 * `<folder>/<dtype>-<color>`. With `fail`, another Block fails after half
 * the time. Prints `@@ {"published": {"uint8-false": n, ...}}`, the frames
 * each camera took (read from the main thread's handles on their rings).
 */
import * as crappy from 'crappy';
import { writeSync } from 'node:fs';
import { patternImage } from './pattern.js';

const [folder, extension, seconds, fail] = process.argv.slice(2);
const CASES = [['uint8', false], ['uint16', false], ['uint8', true]] as const;

/** A camera whose images the test can rebuild from their ImageUniqueID. */
function patternCamera(dtype: 'uint8' | 'uint16', color: boolean): new () => crappy.camera.Camera {
  return class PatternCamera extends crappy.camera.Camera {
    private id = 0;
    override frameFormat(): { shape: crappy.camera.ImageShape; dtype: crappy.camera.ImageDtype } {
      return { shape: patternImage(0, dtype, color).shape, dtype };
    }
    getImage(): crappy.camera.CameraFrame {
      const frame: crappy.camera.CameraFrame = [{ 't(s)': this.clock.time(), ImageUniqueID: this.id }, patternImage(this.id, dtype, color)];
      this.id += 1;
      return frame;
    }
  };
}

class StopAfter extends crappy.Block {
  constructor(private readonly delay: number) {
    super({ freq: 50 });
  }
  override get runsWithoutLinks(): boolean {
    return true;
  }
  loop(): void {
    const t = this.clock.time() - this.t0;
    if (fail === 'fail' && t > this.delay / 2) throw new Error('this Block fails on purpose');
    if (t > this.delay) this.stop();
  }
}

const blocks = CASES.map(
  ([dtype, color]) =>
    new crappy.blocks.Camera(patternCamera(dtype, color), {
      config: false,
      saveImages: true,
      saveFolder: `${folder}/${dtype}-${color}`,
      imgExtension: extension!,
      freq: 200,
      saveThreads: 1,
    }),
);
new StopAfter(Number(seconds));

const published: Record<string, number> = {};
crappy.cameras.on('camera', (handle) => {
  const [dtype, color] = CASES[blocks.indexOf(handle.block as crappy.blocks.Camera)]!;
  crappy.events.once('end', () => (published[`${dtype}-${color}`] = handle.ring.published));
});
try {
  await crappy.start();
} finally {
  writeSync(1, `@@ ${JSON.stringify({ published })}\n`);
}
