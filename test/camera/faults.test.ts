/**
 * Camera faults in full runs (the original's CameraPrepareError and
 * CameraRuntimeError, crappy/blocks/camera.py): a disk that fills up, a
 * save folder that cannot be written, a custom camera returning a wrong
 * image. Each ends the run cleanly with one error naming the Block and the
 * cause, and the frames already recorded stay on disk. Runs
 * test/scripts/camera/faults.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageFile } from '../../packages/camera/src/record/image-files.js';
import { markers } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';

const root = mkdtempSync(join(tmpdir(), 'crappy-camera-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function fault(which: string, folder: string): Promise<{ message: string; stdout: string }> {
  const run = await runScript('camera/faults.ts', { args: [which, folder] });
  expect(run.code, run.stderr).toBe(0);
  const end = markers(run.stdout).at(-1)!;
  expect(end.event).toBe('failed');
  expect(end.name).toBe('CrappyFail');
  return { message: end.message as string, stdout: run.stdout };
}

describe('camera faults', () => {
  it('a full disk: the run fails naming the Block and ENOSPC, the images written before stay', async () => {
    const folder = join(root, 'full');
    const { message } = await fault('disk-full', folder);
    expect(message).toMatch(/crappy\.FullDiskCamera-1 failed in loop\(\): CameraRuntimeError: crappy\.FullDiskCamera-1: the recorder failed: Error: ENOSPC: no space left on device/);
    expect(message).not.toMatch(/more failure/);
    const images = readdirSync(folder).filter((name) => name.endsWith('.tiff')).sort();
    expect(images.map((name) => name.slice(0, 6))).toEqual(['000000', '000001', '000002', '000003', '000004']);
    for (const name of images) expect((await readImageFile(join(folder, name))).shape).toEqual([12, 16]);
    expect(readFileSync(join(folder, 'metadata.csv'), 'utf8').trimEnd().split('\r\n')).toHaveLength(1 + images.length);
  });

  it('a save folder that cannot be written: CameraPrepareError naming the Block and the folder', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    const { message } = await fault('bad-folder', file);
    expect(message).toMatch(/crappy\.Camera-1 failed in prepare\(\): CameraPrepareError: crappy\.Camera-1: the recorder failed: Error: Cannot write the images in the folder .*a-file: ENOTDIR/);
    expect(message).not.toMatch(/more failure/);
  });

  it('a custom camera returning a larger image: CameraRuntimeError naming the Block, the camera and the shape', async () => {
    const { message } = await fault('wrong-shape', join(root, 'unused'));
    expect(message).toMatch(/crappy\.Camera-1 failed in loop\(\): CameraRuntimeError: crappy\.Camera-1: the Growing Camera returned an image that does not fit: RangeError: the image of shape \[9,9\] is larger than the 64 pixel values/);
  });
});
