/**
 * Recording images with the Camera Block.
 *
 * A `FakeCamera` (a moving stripe pattern, 320 × 240, 8-bit gray, 30
 * images per second) is recorded for 2 s into
 * `<tmp>/crappy-examples/camera_record/` as TIFF files named
 * `<index>_<t>.tiff`, with `metadata.csv` listing them. The recorder runs in
 * a worker of its own and reads each image in place in the Block's frame
 * ring; with `dropFrames: false` (the default) the camera waits for it
 * rather than lose an image. For each saved image the Camera Block sends
 * `{t(s), img_index, meta}` on its output Link, printed here by a
 * LinkReader. The Generator ends the run after 2 s. Running the example
 * again records into `camera_record_00001/`, and so on.
 *
 * Run it with `npx tsx examples/camera_record.ts`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as crappy from 'crappy';

const camera = new crappy.blocks.Camera('FakeCamera', {
  config: false,
  saveImages: true,
  saveFolder: join(tmpdir(), 'crappy-examples', 'camera_record'),
  imgExtension: 'tiff',
  freq: 30,
  // The FakeCamera's own options and settings:
  width: 320,
  height: 240,
  fps: 30,
  speed: 50,
});
const clock = new crappy.blocks.Generator([{ type: 'Constant', value: 0, condition: 'delay=2' }], { freq: 10, endDelay: 0 });
crappy.link(clock, camera);
crappy.link(camera, new crappy.blocks.LinkReader({ name: 'saved', freq: 5 }));

await crappy.start();
console.log(`Saved ${camera.savedImages} images in ${camera.savedFolder}`);
