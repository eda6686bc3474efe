/**
 * Recording (crappy/blocks/camera_processes/record.py): every frame the
 * camera took is written (the recorder blocks the camera, `dropFrames:
 * false`), pixel-exact for 8-bit and 16-bit gray and 8-bit color in TIFF,
 * PNG and .npy, named `<ImageUniqueID:06d>_<t:.3f>.<ext>`, listed in
 * metadata.csv, also when another Block fails; a folder that already holds
 * a recording gets a new `_00001` sibling. Run with the built packages
 * (`npx tsc -b`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageFile } from '../../packages/camera/src/record/image-files.js';
import { markers } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';
import { patternImage } from '../scripts/camera/pattern.js';

const root = mkdtempSync(join(tmpdir(), 'crappy-camera-rec-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Reads every image of `folder` back and checks it against the frame of its number; returns the numbers. */
async function checkFolder(folder: string, extension: string, dtype: 'uint8' | 'uint16', color: boolean): Promise<number[]> {
  const files = readdirSync(folder).filter((name) => name !== 'metadata.csv').sort();
  const ids: number[] = [];
  for (const name of files) {
    const match = /^(\d{6})_(\d+\.\d{3})\.(\w+)$/.exec(name);
    expect(match, name).not.toBeNull();
    expect(match![3]).toBe(extension);
    const id = Number(match![1]);
    const image = await readImageFile(join(folder, name));
    const expected = patternImage(id, dtype, color);
    expect(image.dtype).toBe(dtype);
    expect(image.shape).toEqual(expected.shape);
    expect(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).equals(Buffer.from(expected.data.buffer))).toBe(true);
    ids.push(id);
  }
  return ids;
}

/** The rows of metadata.csv, as arrays of fields. */
function csvRows(folder: string): string[][] {
  const text = readFileSync(join(folder, 'metadata.csv'), 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return text.trimEnd().split('\r\n').map((line) => line.split(','));
}

const CASES = [
  ['uint8', false],
  ['uint16', false],
  ['uint8', true],
] as const;

/** Checks each camera's folder of a run: every frame it took, in order, pixel-exact, listed in metadata.csv. */
async function checkRun(root: string, extension: string, published: Record<string, number>): Promise<void> {
  for (const [dtype, color] of CASES) {
    const folder = join(root, `${dtype}-${color}`);
    const taken = published[`${dtype}-${color}`]!;
    expect(taken).toBeGreaterThan(0);
    const ids = await checkFolder(folder, extension, dtype, color);
    expect(ids).toEqual(Array.from({ length: taken }, (_, i) => i));
    const rows = csvRows(folder);
    expect(rows[0]).toEqual(['t(s)', 'ImageUniqueID']);
    expect(rows.slice(1).map((row) => Number(row[1]))).toEqual(ids);
  }
}

describe('recording every frame of 8-bit gray, 16-bit gray and 8-bit color, read back pixel-exact', () => {
  for (const extension of ['tiff', 'png', 'npy']) {
    it(`in ${extension}`, async () => {
      const folder = join(root, extension);
      const run = await runScript('camera/record.ts', { args: [folder, extension, '0.4'] });
      expect(run.code, run.stderr + run.stdout).toBe(0);
      await checkRun(folder, extension, markers(run.stdout)[0]!.published as Record<string, number>);
    });
  }
});

describe('recording when the run fails', () => {
  it('writes every frame taken before the run ends, when another Block failed', async () => {
    const folder = join(root, 'failed-run');
    const run = await runScript('camera/record.ts', { args: [folder, 'tiff', '1', 'fail'] });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/this Block fails on purpose/);
    await checkRun(folder, 'tiff', markers(run.stdout)[0]!.published as Record<string, number>);
  });

  it('records into <folder>_00001 when the folder already holds a recording', async () => {
    const folder = join(root, 'twice');
    for (let i = 0; i < 2; i += 1) {
      const run = await runScript('camera/record.ts', { args: [folder, 'npy', '0.2'] });
      expect(run.code, run.stderr).toBe(0);
    }
    expect(readdirSync(join(folder)).sort()).toEqual(['uint16-false', 'uint16-false_00001', 'uint8-false', 'uint8-false_00001', 'uint8-true', 'uint8-true_00001']);
    expect(csvRows(join(folder, 'uint8-false_00001')).length).toBeGreaterThan(1);
  });
});
