/**
 * OpenCVCamera (the original's crappy/camera/opencv_camera.py) through the
 * optional @u4/opencv4nodejs: a video file the test writes with OpenCV's
 * VideoWriter is replayed, every frame recorded, the file's end ending the
 * run. @u4/opencv4nodejs keeps its classes in process-wide statics, so it
 * works in one thread of a process only (a second thread loading it breaks
 * the first, then aborts the process): two Camera Blocks using it fail the
 * run cleanly, naming both. Without OpenCV, the error says what to install. Skipped where OpenCV is
 * not installed, except in CI (.ci/run installs it).
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOpenCV } from '../../packages/camera/src/cameras/opencv-camera.js';
import { readImageFile } from '../../packages/camera/src/record/image-files.js';
import { markers } from '../helpers/markers.js';
import { skipWithout } from '../helpers/required-tool.js';
import { runScript } from '../helpers/run-script.js';

const require = createRequire(import.meta.url);
let cv: any = null;
try {
  cv = require('@u4/opencv4nodejs');
} catch {
  cv = null;
}

const root = mkdtempSync(join(tmpdir(), 'crappy-opencv-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Frame `i` of the test video: 64 × 48, uniform gray level 10 + 8 i. */
const FRAMES = 20;
const level = (i: number): number => 10 + 8 * i;

describe.skipIf(skipWithout(cv !== null))('OpenCVCamera', () => {
  const video = join(root, 'test.avi');

  it('replays a video file, every frame, and ends the run at its end', async () => {
    const writer = new cv.VideoWriter(video, cv.VideoWriter.fourcc('MJPG'), 25, new cv.Size(64, 48), true);
    for (let i = 0; i < FRAMES; i += 1) writer.write(new cv.Mat(48, 64, cv.CV_8UC3, [level(i), level(i), level(i)]));
    writer.release();
    const folder = join(root, 'out');
    const run = await runScript('camera/opencv-replay.ts', { args: [video, folder, '1'] });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/ReaderStop: OpenCVCamera: end of the video file/);
    expect(markers(run.stdout).at(-1)!.saved).toEqual([FRAMES]);
    const files = readdirSync(join(folder, '1')).filter((name) => name.endsWith('.npy')).sort();
    expect(files).toHaveLength(FRAMES);
    for (const [i, name] of files.entries()) {
      const image = await readImageFile(join(folder, '1', name));
      expect(image.shape).toEqual([48, 64]);
      let sum = 0;
      for (const value of image.data) sum += value;
      // MJPEG is lossy: each frame's level within 3.
      expect(Math.abs(sum / image.data.length - level(i))).toBeLessThan(3);
    }
  });

  it('refuses two Camera Blocks using OpenCV in one run, naming them, instead of aborting the process', async () => {
    const run = await runScript('camera/opencv-replay.ts', { args: [video, join(root, 'two'), '2'] });
    expect(run.code, run.stderr).toBe(0);
    expect(markers(run.stdout).at(-1)!.failed).toMatch(
      /CameraPrepareError: crappy\.Camera-\d: OpenCV \(@u4\/opencv4nodejs\) works in one thread of a process only, and 2 Camera Blocks of this run use an OpenCVCamera \(crappy\.Camera-1, crappy\.Camera-2\): keep one/,
    );
  });
});

describe('OpenCVCamera without OpenCV', () => {
  it('says exactly what to install', () => {
    const missing = (): never => {
      throw new Error("Cannot find module '@u4/opencv4nodejs'");
    };
    expect(() => loadOpenCV(missing)).toThrow(
      /OpenCVCamera needs OpenCV through the package @u4\/opencv4nodejs, which could not be loaded \(Cannot find module '@u4\/opencv4nodejs'\)\. To install it: apt-get install libopencv-dev, then OPENCV4NODEJS_DISABLE_AUTOBUILD=1 .* npm install @u4\/opencv4nodejs/,
    );
  });
});
