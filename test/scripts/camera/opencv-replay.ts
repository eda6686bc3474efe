/**
 * Camera Blocks replay a video file through OpenCVCamera, each recording
 * every frame as .npy into `<folder>/<n>`; the end of the file ends the run
 * (ReaderStop). `opencv-replay.ts <video> <folder> <blocks>`. With 2 Blocks
 * the run must fail cleanly: OpenCV works in one thread of a process only.
 */
import * as crappy from 'crappy';
import { writeSync } from 'node:fs';

const [video, folder, count] = process.argv.slice(2);
const blocks = Array.from(
  { length: Number(count) },
  (_, n) => new crappy.blocks.Camera('OpenCVCamera', { config: false, freq: 200, saveImages: true, imgExtension: 'npy', saveFolder: `${folder}/${n + 1}`, device: video! }),
);
try {
  await crappy.start();
  writeSync(1, `@@ ${JSON.stringify({ saved: blocks.map((block) => block.savedImages) })}\n`);
} catch (error) {
  writeSync(1, `@@ ${JSON.stringify({ failed: (error as Error).message })}\n`);
}
