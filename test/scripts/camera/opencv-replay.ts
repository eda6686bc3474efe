/**
 * Two Camera Blocks replay the same video file through OpenCVCamera (so
 * OpenCV loads in two worker threads at once), each recording every frame
 * as .npy into `<folder>/<n>`; the end of the file ends the run
 * (ReaderStop). `opencv-replay.ts <video> <folder>`.
 */
import * as crappy from 'crappy';
import { writeSync } from 'node:fs';

const [video, folder] = process.argv.slice(2);
const blocks = [1, 2].map(
  (n) => new crappy.blocks.Camera('OpenCVCamera', { config: false, freq: 200, saveImages: true, imgExtension: 'npy', saveFolder: `${folder}/${n}`, device: video! }),
);
await crappy.start();
writeSync(1, `@@ ${JSON.stringify({ saved: blocks.map((block) => block.savedImages) })}\n`);
