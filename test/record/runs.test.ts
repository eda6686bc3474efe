// Full runs in child processes: each recording Block in its own worker
// thread, checked through the files it wrote; and no data lost when another
// Block fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import h5wasm from 'h5wasm/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { events, mainEvent, dump } from '../helpers/markers.js';
import { runScript, SCRIPTS } from '../helpers/run-script.js';
import { parseCsv, removeFolder, tempFolder } from './harness.js';

let folder: string;

beforeEach(() => {
  folder = tempFolder();
});

afterEach(() => {
  removeFolder(folder);
});

describe('full runs', () => {
  it('Recorder: saves every message of its sender, and the sidecar names the script', async () => {
    const script = join(SCRIPTS, 'record', 'recorder-run.ts');
    const result = await runScript(script, { args: [folder] });
    expect(result.code, dump(result)).toBe(0);
    const path = join(folder, 'out', 'data.csv');
    expect(mainEvent(result, 'done').path).toBe(path);

    const rows = parseCsv(readFileSync(path, 'utf8'));
    expect(rows[0]).toEqual(['t(s)', 'i', 'text']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    expect(rows[5]![2]).toBe('n, "5"');
    const times = rows.slice(1).map((row) => Number(row[0]));
    expect(times.every((t, i) => t >= 0 && (i === 0 || t >= times[i - 1]!))).toBe(true);

    const meta = JSON.parse(readFileSync(`${path}.meta.json`, 'utf8')) as Record<string, unknown>;
    expect(meta.script).toBe(script);
    expect(meta.file).toBe(path);
    expect(meta.blocks).toMatchObject([
      { class: 'Recorder', niceness: -5, options: { filePath: path, delay: 0.2, recordLabels: null } },
      { class: 'Counter', freq: 100 },
    ]);
    expect(meta.links).toMatchObject([{ name: 'counts', whenFull: 'drop' }]);
    expect(Date.parse(meta.startDate as string) / 1000).toBeCloseTo(meta.t0 as number, 2);
  });

  it("Recorder and HDFRecorder: after start(), the main thread's Block names the file its worker wrote", async () => {
    const result = await runScript('record/recorder-twice.ts', { args: [folder] });
    expect(result.code, dump(result)).toBe(0);
    const done = events(result, 'done', { main: true });
    expect(done, dump(result)).toMatchObject([
      { run: 1, path: join(folder, 'data.csv'), fileInitialized: true, columns: ['i'], hdf: join(folder, 'data.h5') },
      { run: 2, path: join(folder, 'data_00001.csv'), fileInitialized: true, columns: ['i'], hdf: join(folder, 'data_00001.h5') },
    ]);
    for (const file of ['data.csv', 'data_00001.csv']) {
      expect(parseCsv(readFileSync(join(folder, file), 'utf8')).length, file).toBe(11);
    }
  });

  it('Recorder: when another Block fails, start() rejects with CrappyFail and the file holds every message sent', async () => {
    const result = await runScript('record/recorder-fail.ts', { args: [folder] });
    expect(mainEvent(result, 'failed').error, dump(result)).toBe('CrappyFail');
    const sent = events(result, 'sent');
    expect(sent, dump(result)).toHaveLength(1);
    const count = sent[0]!.count as number;
    expect(count).toBeGreaterThan(0);

    const rows = parseCsv(readFileSync(join(folder, 'data.csv'), 'utf8'));
    expect(rows[0]).toEqual(['t(s)', 'i']);
    expect(rows.slice(1).map((row) => Number(row[1]))).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it('HDFRecorder: saves every row of the stream and the metadata', async () => {
    const result = await runScript('record/hdf-run.ts', { args: [folder] });
    expect(result.code, dump(result)).toBe(0);
    const path = mainEvent(result, 'done').path as string;
    expect(path).toBe(join(folder, 'stream.h5'));

    await h5wasm.ready;
    const file = new h5wasm.File(path, 'r');
    try {
      expect(file.keys().sort()).toEqual(['channels', 'rate', 'table']);
      const table = file.get('table') as InstanceType<typeof h5wasm.Dataset>;
      expect(table.shape).toEqual([200, 2]);
      expect(table.dtype).toBe('<i');
      const expected = Array.from({ length: 200 }, (_, n) => [n, n === 0 ? 0 : -n]).flat();
      expect(Array.from(table.value as Int32Array)).toEqual(expected);
      expect((file.get('channels') as InstanceType<typeof h5wasm.Dataset>).value).toEqual(['AIN0', 'AIN1']);
      expect((file.get('rate') as InstanceType<typeof h5wasm.Dataset>).value).toBe(500);
    } finally {
      file.close();
    }
  });

  it('PID: drives a first-order system to its setpoint, within its output bounds', async () => {
    const result = await runScript('record/pid-run.ts', { args: [folder] });
    expect(result.code, dump(result)).toBe(0);
    mainEvent(result, 'done');

    const pid = parseCsv(readFileSync(join(folder, 'pid.csv'), 'utf8'));
    expect(pid[0]).toEqual(['t(s)', 'pid', 'p_term', 'i_term', 'd_term']);
    const outputs = pid.slice(1).map((row) => row.map(Number));
    expect(outputs.length).toBeGreaterThan(10);

    // Each output is recomputed from what the plant sent (plant.csv), not from the PID's own sums:
    // P = kp·(1 − V) for a V the plant sent, I adds ki·(1 − V)·(its t − the previous one's t), out = clamp(P + I).
    const plant = parseCsv(readFileSync(join(folder, 'plant.csv'), 'utf8'));
    expect(plant[0]).toEqual(['t(s)', 'V']);
    const samples = plant.slice(1).map((row) => row.map(Number) as [number, number]);
    // The times of the samples that sent V; the plant sends V = 0 until the first command reaches it.
    const timesOfV = (v: number): number[] => samples.filter(([, sent]) => Math.abs(sent - v) < 1e-12).map(([t]) => t);
    const kp = 1;
    const ki = 3;
    /** The time of the sample the previous output was computed from: null before the first, undefined when ambiguous. */
    let previousT: number | null | undefined = null;
    let integral = 0;
    let checked = 0;
    for (const [, out, p, i, d] of outputs) {
      expect(d).toBe(0);
      // Before the first setpoint arrives, the PID takes the input as its setpoint: no error, no output.
      if (checked === 0 && p === 0 && i === 0) {
        expect(out).toBe(0);
        previousT = undefined;
        continue;
      }
      const v = 1 - p! / kp;
      const times = timesOfV(v);
      expect(times.length, `no V = ${v} in plant.csv for the PID row with P = ${p}`).toBeGreaterThan(0);
      const t = times.length === 1 ? times[0]! : undefined;
      if (previousT === undefined || t === undefined) {
        // Which of several equal samples the PID used is not known: take its integral as it is, check from the next.
        integral = i!;
      } else {
        if (previousT !== null) integral += ki * (1 - v) * (t - previousT);
        expect(i).toBeCloseTo(integral, 9);
        checked++;
      }
      previousT = t;
      expect(out).toBeCloseTo(Math.min(5, Math.max(-5, kp * (1 - v) + integral)), 9);
      expect(Math.abs(out!)).toBeLessThanOrEqual(5);
    }
    expect(checked).toBeGreaterThan(10);
    // The integral term grows while the system is below the setpoint.
    expect(outputs[outputs.length - 1]![3]).toBeGreaterThan(0.5);

    // The system settled at the setpoint, and did so before the 30 s failure bound.
    const [lastT, lastV] = plant[plant.length - 1]!.map(Number);
    expect(Math.abs(lastV! - 1)).toBeLessThan(0.05);
    expect(lastT).toBeLessThan(30);
  });
});
