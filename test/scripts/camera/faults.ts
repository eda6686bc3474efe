/**
 * Camera faults in a full run: `faults.ts <case> <folder>`, with `<case>`
 * one of `disk-full` (the recorder's writes fail after 5 frames),
 * `bad-folder` (the save folder is a file), `wrong-shape` (a custom camera
 * returns a larger image after 10 frames). Another Block runs beside it;
 * the run must end cleanly with an error naming the Camera Block.
 */
import * as crappy from 'crappy';
import { writeSync } from 'node:fs';

const [which, folder] = process.argv.slice(2);

class Growing extends crappy.camera.Camera {
  private n = 0;
  override frameFormat(): { shape: crappy.camera.ImageShape; dtype: crappy.camera.ImageDtype } {
    return { shape: [8, 8], dtype: 'uint8' };
  }
  getImage(): crappy.camera.CameraFrame {
    this.n += 1;
    const size = this.n > 10 ? 9 : 8;
    return [this.clock.time(), { data: new Uint8Array(size * size).fill(this.n), shape: [size, size], dtype: 'uint8' }];
  }
}

class FullDiskCamera extends crappy.blocks.Camera {
  protected override recorderSpec(options: crappy.camera.RecorderOptions): crappy.camera.HelperSpec {
    return { module: new URL('./failing-recorder.mjs', import.meta.url).href, exportName: 'FullDiskRecorder', title: 'recorder', options };
  }
}

class Idle extends crappy.Block {
  override get runsWithoutLinks(): boolean {
    return true;
  }
  loop(): void {
    if (this.clock.time() - this.t0 > 20) this.stop();
  }
}

const common = { config: false, saveImages: true, saveFolder: folder!, freq: 100, width: 16, height: 12 } as const;
if (which === 'disk-full') new FullDiskCamera('FakeCamera', common);
else if (which === 'bad-folder') new crappy.blocks.Camera('FakeCamera', common);
else new crappy.blocks.Camera(Growing, { config: false, freq: 100 });
new Idle({ freq: 20 });

try {
  await crappy.start();
  writeSync(1, '@@ {"event":"ended"}\n');
} catch (error) {
  writeSync(1, `@@ ${JSON.stringify({ event: 'failed', name: (error as Error).name, message: (error as Error).message })}\n`);
}
