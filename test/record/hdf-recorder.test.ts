// The HDFRecorder Block in the test's thread: options, prepare(), the
// growable dataset and the metadata, read back with h5wasm and with h5dump.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import h5wasm from 'h5wasm/node';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blocks, link, LogLevel, reset } from '../../packages/core/src/index.js';
import { attachRun, captureLogs, Dummy, removeFolder, stubInputs, tempFolder } from './harness.js';
import { skipWithout } from '../helpers/required-tool.js';

const { HDFRecorder } = blocks;
type HDFOptions = ConstructorParameters<typeof HDFRecorder>[1];

const hasH5dump = spawnSync('h5dump', ['--version']).status === 0;

let folder: string;

beforeAll(async () => {
  await h5wasm.ready;
});

beforeEach(() => {
  folder = tempFolder();
});

afterEach(() => {
  reset();
  removeFolder(folder);
});

/** An HDFRecorder linked to one Dummy sender, with a run attached and its logs captured. */
function linkedRecorder(file: string, options: HDFOptions = {}) {
  const recorder = new HDFRecorder(file, options);
  link(new Dummy(), recorder);
  attachRun(recorder, 10, 11);
  const logs = captureLogs(recorder);
  return { recorder, logs };
}

/** Reads a whole HDF5 file with h5wasm: each dataset's shape, type and values. */
function readBack(path: string): Record<string, { shape: number[] | null; dtype: unknown; value: unknown }> {
  const file = new h5wasm.File(path, 'r');
  try {
    const out: Record<string, { shape: number[] | null; dtype: unknown; value: unknown }> = {};
    for (const name of file.keys()) {
      const dataset = file.get(name) as InstanceType<typeof h5wasm.Dataset>;
      out[name] = { shape: dataset.shape, dtype: dataset.dtype, value: dataset.value };
    }
    return out;
  } finally {
    file.close();
  }
}

describe('construction', () => {
  it('has the original defaults', () => {
    const recorder = new HDFRecorder('a.h5');
    expect(recorder.node).toBe('table');
    expect(recorder.expectedRows).toBe(1e8);
    expect(recorder.atom).toBe('int16');
    expect(recorder.label).toBe('stream');
    expect(recorder.metadata).toEqual({});
    expect(recorder.freq).toBeNull();
    expect(recorder.niceness).toBe(0);
    expect(recorder.path).toBe('a.h5');
  });

  it('takes its file in one options object too, as fileName or filePath', () => {
    const recorder = new HDFRecorder({ fileName: 'a.h5', atom: 'f8' });
    expect([recorder.filePath, recorder.atom]).toEqual(['a.h5', 'float64']);
    expect(() => new HDFRecorder({ atom: 'f8' } as never)).toThrow(/HDFRecorder: filePath is required/);
  });

  it('validates its options with errors naming the class and the option', () => {
    expect(() => new HDFRecorder(1 as unknown as string)).toThrow(/HDFRecorder: filePath/);
    expect(() => new HDFRecorder('a.h5', { atom: 'int128' as never })).toThrow(/HDFRecorder: atom must be one of/);
    expect(() => new HDFRecorder('a.h5', { atom: '>f8' as never })).toThrow(RangeError);
    expect(() => new HDFRecorder('a.h5', { node: 'a/b' })).toThrow(RangeError);
    expect(() => new HDFRecorder('a.h5', { expectedRows: 0 })).toThrow(/HDFRecorder: expectedRows/);
    expect(() => new HDFRecorder('a.h5', { label: 2 as unknown as string })).toThrow(/HDFRecorder: label/);
    expect(() => new HDFRecorder('a.h5', { metadata: { when: new Date() as never } })).toThrow(/HDFRecorder: metadata.when/);
    expect(() => new HDFRecorder('a.h5', { metadata: { table: 1 } })).toThrow(/HDFRecorder: metadata 'table'/);
    expect(() => new HDFRecorder('a.h5', { hdf: true } as never)).toThrow(/HDFRecorder: unknown option 'hdf'/);
  });
});

describe('prepare()', () => {
  it('needs exactly one input Link (RangeError naming the Block, thrown at once)', () => {
    const alone = new HDFRecorder(join(folder, 'a.h5'));
    expect(() => alone.prepare()).toThrow(`${alone.name}: an HDFRecorder needs one input Link, it has none`);
    const two = new HDFRecorder(join(folder, 'b.h5'));
    link(new Dummy(), two);
    link(new Dummy(), two);
    expect(() => two.prepare()).toThrow(RangeError);
    expect(existsSync(join(folder, 'a.h5'))).toBe(false);
  });

  it('creates the folders, renames an existing file, and writes the metadata at once', async () => {
    const file = join(folder, 'sub', 'dir', 'data.h5');
    const first = linkedRecorder(file, { metadata: { gain: 2.5, unit: 'mV' } });
    await first.recorder.prepare();
    expect(first.recorder.path).toBe(file);
    first.recorder.finish();
    expect(readBack(file)).toEqual({
      gain: { shape: [], dtype: '<d', value: 2.5 },
      unit: { shape: [], dtype: expect.objectContaining({}), value: 'mV' },
    });

    const second = linkedRecorder(file);
    await second.recorder.prepare();
    expect(second.recorder.path).toBe(join(folder, 'sub', 'dir', 'data_00001.h5'));
    expect(second.logs.filter((log) => log.level === LogLevel.WARNING)).toHaveLength(1);
    second.recorder.finish();
  });
});

describe('recording', () => {
  it('waits for data, then appends every row to a growable int16 dataset, the last ones in finish()', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.h5'));
    await recorder.prepare();
    const inputs = stubInputs(recorder, [], false);
    recorder.loop();
    expect(inputs.recvCalls).toEqual([]);
    inputs.available = true;
    inputs.batches.push(
      { 't(s)': [[0.1, 0.2]], stream: [[[1, 2, 3], [4, 5, 6]]] },
      { 't(s)': [[0.3], [0.4]], stream: [[new Int16Array([7, 8, 9])], [[10, 11, 12]]] },
      { stream: [new Float64Array([-1, 40000, 2.7])] },
    );
    recorder.loop();
    recorder.loop();
    recorder.finish();
    expect(inputs.recvCalls).toEqual([[], [], []]);
    const { table } = readBack(recorder.path);
    expect(table!.shape).toEqual([5, 3]);
    expect(table!.dtype).toBe('<h');
    // 40000 wraps and 2.7 truncates, as when a typed array is filled
    expect(Array.from(table!.value as Int16Array)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -1, 40000 - 65536, 2]);
  });

  it('writes other atoms and every kind of metadata', async () => {
    const metadata = { rate: 1000, names: ['x', 'y'], gains: [1.5, 2], raw: new Int32Array([7, -7]) };
    const { recorder } = linkedRecorder(join(folder, 'data.h5'), { atom: 'float64', node: 'samples', label: 'data', metadata });
    await recorder.prepare();
    stubInputs(recorder, [{ data: [[0.5, 1.25], new Float32Array([2, 3])] }]);
    recorder.loop();
    recorder.finish();
    const content = readBack(recorder.path);
    expect(Object.keys(content).sort()).toEqual(['gains', 'names', 'rate', 'raw', 'samples']);
    expect(content.samples).toMatchObject({ shape: [2, 2], dtype: '<d' });
    expect(Array.from(content.samples!.value as Float64Array)).toEqual([0.5, 1.25, 2, 3]);
    expect(content.rate).toMatchObject({ shape: [], dtype: '<d', value: 1000 });
    expect(content.names!.value).toEqual(['x', 'y']);
    expect(Array.from(content.gains!.value as Float64Array)).toEqual([1.5, 2]);
    expect(Array.from(content.raw!.value as Int32Array)).toEqual([7, -7]);
  });

  it.each([
    ['f8', 'float64'], ['float', 'float64'], ['double', 'float64'], ['<f8', 'float64'], ['f4', 'float32'], ['float32', 'float32'],
    ['i1', 'int8'], ['i2', 'int16'], ['i4', 'int32'], ['i8', 'int64'], ['int', 'int64'], ['=int16', 'int16'],
    ['u1', 'uint8'], ['u2', 'uint16'], ['u4', 'uint32'], ['u8', 'uint64'], ['uint64', 'uint64'],
  ] as const)("takes numpy's name %j for %s", (name, atom) => {
    expect(new HDFRecorder('a.h5', { atom: name }).atom).toBe(atom);
  });

  it.each([
    ['int64', '<q', BigInt64Array, [1n, -2n, 3n, 0n]],
    ['u8', '<Q', BigUint64Array, [1n, 2n ** 64n - 2n, 3n, 0n]],
  ] as const)('writes 64-bit integers (%s), truncating decimals and wrapping around', async (atom, dtype, array, expected) => {
    const { recorder } = linkedRecorder(join(folder, 'data.h5'), { atom });
    await recorder.prepare();
    stubInputs(recorder, [{ stream: [[[1.9, -2.5], [3, NaN]]] }]);
    recorder.loop();
    recorder.finish();
    const { table } = readBack(recorder.path);
    expect(table).toMatchObject({ shape: [2, 2], dtype });
    expect(table!.value).toBeInstanceOf(array);
    expect(Array.from(table!.value as BigInt64Array)).toEqual(expected);
  });

  it('fails when the first data lacks the label, and still closes the file', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.h5'));
    await recorder.prepare();
    stubInputs(recorder, [{ other: [1] }, {}]);
    expect(() => recorder.loop()).toThrow(`${recorder.name}: the data received does not contain the label 'stream'`);
    recorder.finish();
    expect(readBack(recorder.path)).toEqual({});
  });

  it('refuses rows of another width and values that are not rows', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.h5'));
    await recorder.prepare();
    stubInputs(recorder, [{ stream: [[1, 2]] }, { stream: [[1, 2, 3]] }, { stream: ['text'] }]);
    recorder.loop();
    expect(() => recorder.loop()).toThrow(`${recorder.name}: a row of 'stream' has 3 values, the dataset has 2 columns`);
    expect(() => recorder.loop()).toThrow(TypeError);
    recorder.finish();
    expect(readBack(recorder.path).table!.shape).toEqual([1, 2]);
  });

  it.skipIf(skipWithout(hasH5dump))('writes a file that h5dump reads (skipped where h5dump, from Debian hdf5-tools, is missing, but not in CI)', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.h5'), { metadata: { rate: 50 } });
    await recorder.prepare();
    stubInputs(recorder, [{ stream: [[[1, 2], [3, 4]]] }, { stream: [[5, 6]] }]);
    recorder.loop();
    recorder.loop();
    recorder.finish();
    const dump = spawnSync('h5dump', ['-d', '/table', recorder.path], { encoding: 'utf8' });
    expect(dump.status).toBe(0);
    expect(dump.stdout).toContain('H5T_STD_I16LE');
    expect(dump.stdout).toContain('DATASPACE  SIMPLE { ( 3, 2 ) / ( H5S_UNLIMITED, 2 ) }');
    expect(dump.stdout.replace(/\s+/g, ' ')).toContain('(0,0): 1, 2, (1,0): 3, 4, (2,0): 5, 6');
    const rate = spawnSync('h5dump', ['-d', '/rate', recorder.path], { encoding: 'utf8' });
    expect(rate.stdout).toContain('H5T_IEEE_F64LE');
    expect(rate.stdout.replace(/\s+/g, ' ')).toContain('(0): 50');
  });

  it('leaves no file behind when prepare() fails before creating it', () => {
    writeFileSync(join(folder, 'blocker'), '');
    const { recorder } = linkedRecorder(join(folder, 'blocker', 'data.h5'));
    expect(() => recorder.prepare()).toThrow(`cannot create the folder ${join(folder, 'blocker')}`);
    expect(() => recorder.finish()).not.toThrow();
  });
});
