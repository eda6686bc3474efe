// The HDFRecorder flushes its file to disk at least every second
// (docs/blocks-record.md, "Safety"): while the run goes on, with nothing
// more to record, the file read by another process already holds every
// row sent. The run is held open until the test has read them, so a
// recorder that wrote the rows only when closing the file would fail.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import h5wasm from 'h5wasm/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dump, mainEvent } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';
import { removeFolder, tempFolder } from './harness.js';

let folder: string;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => removeFolder(folder));

/** The rows of `/table` in the HDF5 file at `path` as another process sees it now; [] while it cannot be read. */
function rowsOnDisk(path: string): number[] {
  let file: InstanceType<typeof h5wasm.File> | undefined;
  try {
    file = new h5wasm.File(path, 'r');
    const table = file.get('table') as InstanceType<typeof h5wasm.Dataset> | null;
    return table === null ? [] : Array.from(table.value as Int32Array);
  } catch {
    return [];
  } finally {
    file?.close();
  }
}

describe('HDFRecorder during a run', () => {
  it('has flushed every row sent while the run still goes on', async () => {
    await h5wasm.ready;
    let sent: () => void;
    const allSent = new Promise<void>((resolve) => (sent = resolve));
    const finished = runScript('record/hdf-flush.ts', {
      args: [folder],
      onStdout: (chunk) => {
        if (chunk.includes('"event":"sent"')) sent();
      },
    });
    await Promise.race([allSent, finished.then((r) => Promise.reject(new Error(`the run ended first:\n${dump(r)}`)))]);
    const expected = Array.from({ length: 200 }, (_, n) => [n, n === 0 ? 0 : -n]).flat();
    try {
      // A flush a second: a generous bound, the run waits for the file `release` anyway.
      await expect.poll(() => rowsOnDisk(join(folder, 'flushed.h5')), { timeout: 15_000, interval: 200 }).toEqual(expected);
    } finally {
      writeFileSync(join(folder, 'release'), '');
    }
    const result = await finished;
    expect(result.code, dump(result)).toBe(0);
    expect(mainEvent(result, 'done').path).toBe(join(folder, 'flushed.h5'));
    expect(rowsOnDisk(join(folder, 'flushed.h5'))).toEqual(expected);
  }, 60_000);
});
