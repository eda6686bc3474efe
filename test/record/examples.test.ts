// The examples of the record Blocks, run as a user would, in child
// processes; their files go to a temporary folder (TMPDIR).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import h5wasm from 'h5wasm/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dump } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';
import { parseCsv, removeFolder, tempFolder } from './harness.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

let folder: string;

beforeEach(() => {
  folder = tempFolder();
});

afterEach(() => {
  removeFolder(folder);
});

/** Runs an example with its temporary files in the test's folder. */
async function runExample(name: string) {
  const result = await runScript(join(EXAMPLES, name), { env: { TMPDIR: folder } });
  expect(result.code, dump(result)).toBe(0);
  return result;
}

describe('examples', () => {
  it('recorder.ts saves t(s) and F(N) for 3 s, with its sidecar', async () => {
    const result = await runExample('recorder.ts');
    const path = join(folder, 'crappy-examples', 'recorder.csv');
    const rows = parseCsv(readFileSync(path, 'utf8'));
    expect(rows[0]).toEqual(['t(s)', 'F(N)']);
    // 100 Hz for 3 s gives about 300 rows; a busy machine loops less often, so
    // the check is that rows came all along the 3 s, not how many.
    expect(rows.length).toBeGreaterThan(10);
    expect(Number(rows[1]![0])).toBeLessThan(1);
    expect(Number(rows[rows.length - 1]![0])).toBeGreaterThanOrEqual(3);
    const meta = JSON.parse(readFileSync(`${path}.meta.json`, 'utf8')) as { script: string };
    expect(meta.script).toBe(join(EXAMPLES, 'recorder.ts'));
    expect(result.stdout).toContain(`${path}: ${rows.length - 1} rows`);
  });

  it('hdf_recorder.ts saves 4000 rows of 2 channels', async () => {
    const result = await runExample('hdf_recorder.ts');
    const path = join(folder, 'crappy-examples', 'stream.h5');
    expect(result.stdout).toContain(`Saved 4000 rows of 2 channels to ${path}`);
    await h5wasm.ready;
    const file = new h5wasm.File(path, 'r');
    try {
      const table = file.get('table') as InstanceType<typeof h5wasm.Dataset>;
      expect(table.shape).toEqual([4000, 2]);
      const values = table.value as Int16Array;
      expect(Array.from({ length: 4000 }, (_, i) => values[2 * i + 1])).toEqual(Array.from({ length: 4000 }, (_, i) => i));
    } finally {
      file.close();
    }
  });

  it('pid.ts settles at 1, steps to 2, settles there and ends by itself', async () => {
    const result = await runExample('pid.ts');
    expect(result.stdout).toContain('The run is over.');
    const settled = [...result.stdout.matchAll(/^V settled at (\d): (\S+) at t = (\S+) s$/gm)].map((match) => match.slice(1).map(Number));
    expect(settled.map(([target]) => target), dump(result)).toEqual([1, 2]);
    for (const [target, v] of settled) expect(Math.abs(v! - target!)).toBeLessThan(0.02);
    // The printed command follows the setpoint: lines at setpoint 2 come after the lines at setpoint 1.
    const setpoints = [...result.stdout.matchAll(/setpoint (\d\.\d{3})/g)].map((match) => Number(match[1]));
    expect(setpoints).toContain(1);
    expect(setpoints.indexOf(2)).toBeGreaterThan(setpoints.lastIndexOf(1));
  });
});
