/**
 * Replaying a folder of images with the FileReader camera.
 *
 * The main thread first writes 20 images of a moving disc to
 * `<tmp>/crappy-examples/camera_replay/source/`, named as the Camera Block
 * records them (`<index>_<t>.tiff`, 0.05 s apart). The FileReader then
 * replays them in the order of their time and at their pace, and the Camera
 * Block records the replay as PNG into `.../camera_replay/png/` (a
 * conversion). Once the last image was read, the FileReader ends the run
 * cleanly (`ReaderStop`, as in the original).
 *
 * Run it with `npx tsx examples/camera_replay.ts`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as crappy from 'crappy';

const folder = join(tmpdir(), 'crappy-examples', 'camera_replay');
const source = join(folder, 'source');

/** A 64 × 48 image with a bright disc at column `x`. */
function disc(x: number): crappy.camera.Image {
  const [height, width] = [48, 64];
  const data = new Uint8Array(width * height);
  for (let row = 0; row < height; row += 1) {
    for (let col = 0; col < width; col += 1) data[row * width + col] = (col - x) ** 2 + (row - 24) ** 2 < 64 ? 230 : 20;
  }
  return { data, shape: [height, width], dtype: 'uint8' };
}

// Side effects in the main thread only: each Block's worker runs this script again.
if (crappy.isMainThread) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  for (let i = 0; i < 20; i += 1) {
    const name = crappy.camera.frameFileName(i, i * 0.05, 'tiff');
    writeFileSync(join(source, name), await crappy.camera.encodeImage(disc(8 + 2.5 * i), 'tiff'));
  }
}

const camera = new crappy.blocks.Camera('FileReader', {
  config: false,
  saveImages: true,
  saveFolder: join(folder, 'png'),
  imgExtension: 'png',
  freq: 100,
  // The FileReader's options:
  readerFolder: source,
});
crappy.link(camera, new crappy.blocks.LinkReader({ name: 'replayed', freq: 50 }));

await crappy.start();
console.log(`Replayed and saved ${camera.savedImages} images as PNG in ${camera.savedFolder}`);
