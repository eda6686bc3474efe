// The Recorder Block in the test's thread, as the original's
// tests/blocks/test_recorder.py checks it (cases RC1-RC10 below), plus what the
// port adds: the final flush in finish() and the folder error.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blocks, link, LogLevel, reset } from '../../packages/core/src/index.js';
import { captureLogs, Dummy, parseCsv, removeFolder, stubInputs, tempFolder } from './harness.js';

const { Recorder } = blocks;

let folder: string;

beforeEach(() => {
  folder = tempFolder();
});

afterEach(() => {
  reset();
  removeFolder(folder);
});

/** A Recorder linked to one Dummy sender, its logs captured. */
function linkedRecorder(file: string, options: ConstructorParameters<typeof Recorder>[1] = {}) {
  const recorder = new Recorder(file, options);
  link(new Dummy(), recorder);
  const logs = captureLogs(recorder);
  return { recorder, logs };
}

describe('construction', () => {
  it('has the original defaults: delay 2, freq 200, niceness -5', () => {
    const recorder = new Recorder(join(folder, 'data.csv'));
    expect(recorder.delay).toBe(2);
    expect(recorder.freq).toBe(200);
    expect(recorder.niceness).toBe(-5);
    expect(recorder.displayFreq).toBe(false);
    expect(recorder.debug).toBe(false);
    expect(recorder.recordLabels).toBeNull();
    expect(recorder.path).toBe(join(folder, 'data.csv'));
    expect(recorder.labels).toBeNull();
  });

  it('RC1: normalises labels: null → null, a string → [it], an array → a copy', () => {
    expect(new Recorder('a.csv', { labels: null }).recordLabels).toBeNull();
    expect(new Recorder('a.csv', { labels: 'abc' }).recordLabels).toEqual(['abc']);
    const given = ['a', 'b'];
    const recorder = new Recorder('a.csv', { labels: given });
    expect(recorder.recordLabels).toEqual(['a', 'b']);
    expect(recorder.recordLabels).not.toBe(given);
    expect(recorder.columns).toEqual(['a', 'b']);
  });

  it('takes its file in one options object too, as fileName (the original is called with file_name=...) or filePath', () => {
    const named = new Recorder({ fileName: join(folder, 'a.csv'), delay: 1, labels: 'x' });
    expect([named.filePath, named.delay, named.recordLabels]).toEqual([join(folder, 'a.csv'), 1, ['x']]);
    expect(new Recorder({ filePath: 'b.csv' }).filePath).toBe('b.csv');
    expect(() => new Recorder({ delay: 1 } as never)).toThrow(
      new TypeError('Recorder: filePath is required, as argument 1 or in a single options object ({ filePath, ... })'),
    );
    expect(() => new Recorder({ fileName: 'a.csv', filePath: 'b.csv' } as never)).toThrow(/filePath and fileName are the same option/);
    expect(() => new Recorder('a.csv', { fileName: 'b.csv' } as never)).toThrow(/fileName is given twice/);
  });

  it('validates its options with errors naming the class and the option', () => {
    expect(() => new Recorder(3 as unknown as string)).toThrow(/Recorder: filePath/);
    expect(() => new Recorder('')).toThrow(TypeError);
    expect(() => new Recorder('a.csv', { delay: '2' as unknown as number })).toThrow(/Recorder: delay must be a number/);
    expect(() => new Recorder('a.csv', { delay: -1 })).toThrow(RangeError);
    expect(() => new Recorder('a.csv', { delay: Infinity })).toThrow(/Recorder: delay/);
    expect(() => new Recorder('a.csv', { labels: [1] as unknown as string[] })).toThrow(/Recorder: labels/);
    expect(() => new Recorder('a.csv', { freq: 0 })).toThrow(/Recorder: freq/);
    expect(() => new Recorder('a.csv', { debug: 'yes' as unknown as boolean })).toThrow(/Recorder: debug/);
    expect(() => new Recorder('a.csv', { file: 'b.csv' } as never)).toThrow(/Recorder: unknown option 'file'/);
  });
});

describe('prepare()', () => {
  it('RC2: needs exactly one input Link (RangeError naming the Block)', () => {
    const alone = new Recorder(join(folder, 'a.csv'));
    expect(() => alone.prepare()).toThrow(RangeError);
    expect(() => alone.prepare()).toThrow(`${alone.name}: a Recorder needs one input Link`);

    const two = new Recorder(join(folder, 'b.csv'));
    link(new Dummy(), two);
    link(new Dummy(), two);
    expect(() => two.prepare()).toThrow(RangeError);
    expect(() => two.prepare()).toThrow(`${two.name}: a Recorder takes exactly one input Link, it has 2`);

    const { recorder } = linkedRecorder(join(folder, 'c.csv'));
    expect(() => recorder.prepare()).not.toThrow();
  });

  it('RC3: creates missing parent folders recursively and keeps the path', () => {
    const file = join(folder, 'x', 'y', 'z', 'data.csv');
    const { recorder, logs } = linkedRecorder(file);
    recorder.prepare();
    expect(existsSync(join(folder, 'x', 'y', 'z'))).toBe(true);
    expect(recorder.path).toBe(file);
    expect(existsSync(file)).toBe(false);
    expect(logs).toContainEqual({ level: LogLevel.INFO, message: expect.stringContaining(join(folder, 'x', 'y', 'z')) });
  });

  it('throws an error naming the folder when it cannot be created', () => {
    writeFileSync(join(folder, 'plain-file'), '');
    const target = join(folder, 'plain-file', 'sub', 'data.csv');
    const { recorder } = linkedRecorder(target);
    expect(() => recorder.prepare()).toThrow(`${recorder.name}: option 'filePath': cannot create the folder ${join(folder, 'plain-file', 'sub')}`);
  });

  it('throws, before the test starts, an error naming a folder it cannot write in', () => {
    const locked = join(folder, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(folder, 0o755);
    const { recorder } = linkedRecorder(join(locked, 'data.csv'));
    // Root may write anywhere: act as nobody while preparing.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) process.seteuid!(65534);
    try {
      expect(() => recorder.prepare()).toThrow(
        `${recorder.name}: option 'filePath': cannot write in the folder ${locked} (EACCES): choose another folder or change its permissions`,
      );
    } finally {
      if (asRoot) process.seteuid!(0);
    }
  });

  it('RC4: writes to <stem>_<i:05d><suffix> with the smallest free i when the file exists', () => {
    writeFileSync(join(folder, 'data.csv'), 'original');
    writeFileSync(join(folder, 'data_00001.csv'), 'first copy');
    const { recorder, logs } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    expect(recorder.path).toBe(join(folder, 'data_00002.csv'));
    expect(recorder.metadataPath).toBe(join(folder, 'data_00002.csv.meta.json'));
    expect(readFileSync(join(folder, 'data.csv'), 'utf8')).toBe('original');
    expect(readFileSync(join(folder, 'data_00001.csv'), 'utf8')).toBe('first copy');
    expect(logs.filter((log) => log.level === LogLevel.WARNING)).toHaveLength(1);
  });

  it('RC4: a name without suffix gets the index at its end', () => {
    writeFileSync(join(folder, 'log'), '');
    const { recorder } = linkedRecorder(join(folder, 'log'));
    recorder.prepare();
    expect(recorder.path).toBe(join(folder, 'log_00001'));
  });
});

describe('loop()', () => {
  it('RC5: waits for the first data without creating the file or receiving', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    const inputs = stubInputs(recorder, [{ a: [1] }], false);
    await recorder.loop();
    await recorder.loop();
    expect(existsSync(recorder.path)).toBe(false);
    expect(inputs.recvCalls).toEqual([]);
    expect(recorder.columns).toBeNull();
    expect(recorder.fileInitialized).toBe(false);
    inputs.available = true;
    await recorder.loop();
    expect(recorder.fileInitialized).toBe(true);
  });

  it('writes before loop() returns when recvAllData() is stubbed to return the data itself', () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'), { delay: 0.5 });
    recorder.prepare();
    recorder.dataAvailable = () => true;
    recorder.recvAllData = (() => ({ a: [1, 2] })) as never;
    expect(recorder.loop()).toBeUndefined();
    expect(recorder.fileInitialized).toBe(true);
    expect(readFileSync(recorder.path, 'utf8')).toBe('a\n1\n2\n');
  });

  it('RC6: takes the labels of the first batch, received with the delay, and writes header then rows', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'), { delay: 0.5 });
    recorder.prepare();
    const inputs = stubInputs(recorder, [{ a: [1, 2], b: ['x', 'y'] }]);
    await recorder.loop();
    expect(inputs.recvCalls).toEqual([[0.5]]);
    expect(recorder.columns).toEqual(['a', 'b']);
    expect(readFileSync(recorder.path, 'utf8')).toBe('a,b\n1,x\n2,y\n');
  });

  it('RC7: keeps only the requested labels, in the requested order', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'), { labels: ['b', 'a'] });
    recorder.prepare();
    stubInputs(recorder, [{ a: [1, 2], b: [3, 4], c: [5, 6] }]);
    await recorder.loop();
    expect(readFileSync(recorder.path, 'utf8')).toBe('b,a\n3,1\n4,2\n');
  });

  it('RC8: appends later batches, writing the header once', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'), { delay: 1.5 });
    recorder.prepare();
    const inputs = stubInputs(recorder, [{ t: [1], v: [10] }, { t: [2, 3], v: [20, 30] }]);
    await recorder.loop();
    await recorder.loop();
    expect(inputs.recvCalls).toEqual([[1.5], [1.5]]);
    expect(readFileSync(recorder.path, 'utf8')).toBe('t,v\n1,10\n2,20\n3,30\n');
  });

  it('RC9: writes valid CSV: "\\n" line ends, minimal quoting, doubled quotes', async () => {
    const labels = ['time,s', 'text"label'];
    const text = 'hello, "world"\nnext';
    const { recorder } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    stubInputs(recorder, [{ 'time,s': [1.5], 'text"label': [text] }]);
    await recorder.loop();
    const written = readFileSync(recorder.path, 'utf8');
    expect(written).toBe('"time,s","text""label"\n1.5,"hello, ""world""\nnext"\n');
    expect(parseCsv(written)).toEqual([labels, ['1.5', text]]);
    expect(written).not.toContain('\r');
  });

  it('RC9: quotes a carriage return, and a line made of one empty cell', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    stubInputs(recorder, [{ s: ['a\rb', '', 'plain'] }]);
    await recorder.loop();
    expect(readFileSync(recorder.path, 'utf8')).toBe('s\n"a\rb"\n""\nplain\n');
  });

  it('RC10: writes each value as String(value) (a difference: 2.0 is written 2), objects as JSON', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    stubInputs(recorder, [{ a: [2.0, 0.1, true, null, 'x'], b: [[1, 2], new Float64Array([3.5]), { k: 1 }, -0, 1e21] }]);
    await recorder.loop();
    expect(parseCsv(readFileSync(recorder.path, 'utf8'))).toEqual([
      ['a', 'b'],
      ['2', '1,2'],
      ['0.1', '3.5'],
      ['true', '{"k":1}'],
      ['null', '0'],
      ['x', '1e+21'],
    ]);
  });

  it('RC10: a requested label missing from a batch is an error', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'), { labels: ['a', 'b'] });
    recorder.prepare();
    stubInputs(recorder, [{ a: [1] }]);
    await expect(recorder.loop()).rejects.toThrow(`${recorder.name}: Not all labels received from upstream Block: 'b' never arrived; it sends 'a'`);
  });

  it('names the labels that did arrive and the one probably meant, and finish() does not report it again', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'), { labels: ['t(s)', 'F(n)', 'x'] });
    recorder.prepare();
    stubInputs(recorder, [{ 't(s)': [0], 'F(N)': [1], 'Exx(%)': [2] }, { 't(s)': [1], 'F(N)': [2], 'Exx(%)': [3] }]);
    await expect(recorder.loop()).rejects.toThrow(
      `${recorder.name}: Not all labels received from upstream Block: 'F(n)', 'x' never arrived; it sends 't(s)', 'F(N)', 'Exx(%)'. Did you mean 'F(N)' for 'F(n)'?`,
    );
    expect(() => recorder.finish()).not.toThrow();
    expect(existsSync(recorder.path)).toBe(false);
  });

  it('RC10: rows stop at the shortest label (zip), with a warning', async () => {
    const { recorder, logs } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    stubInputs(recorder, [{ a: [1, 2, 3], b: [4] }]);
    await recorder.loop();
    expect(readFileSync(recorder.path, 'utf8')).toBe('a,b\n1,4\n');
    expect(logs).toContainEqual({ level: LogLevel.WARNING, message: expect.stringContaining('a: 3, b: 1') });
  });

  it('skips a batch in which nothing arrived (the original throws)', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    stubInputs(recorder, [{ a: [1] }, {}, { a: [2] }]);
    await recorder.loop();
    await recorder.loop();
    await recorder.loop();
    expect(readFileSync(recorder.path, 'utf8')).toBe('a\n1\n2\n');
  });
});

describe('finish(): nothing received is lost', () => {
  it('appends what is still waiting, without waiting the delay', async () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    const inputs = stubInputs(recorder, [{ a: [1] }, { a: [2, 3] }]);
    await recorder.loop();
    recorder.finish();
    expect(inputs.recvCalls).toEqual([[2], []]);
    expect(readFileSync(recorder.path, 'utf8')).toBe('a\n1\n2\n3\n');
  });

  it('writes the header and the data when the first data arrives only at the end', () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    stubInputs(recorder, [{ a: [1], b: [2] }]);
    recorder.finish();
    expect(readFileSync(recorder.path, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('creates no file when nothing ever arrived', () => {
    const { recorder } = linkedRecorder(join(folder, 'data.csv'));
    recorder.prepare();
    const inputs = stubInputs(recorder, [], false);
    recorder.finish();
    expect(existsSync(recorder.path)).toBe(false);
    expect(inputs.recvCalls).toEqual([]);
  });

  it('really drains the Link: messages sent through a real Link all reach the file', async () => {
    const sender = new Dummy();
    const recorder = new Recorder(join(folder, 'data.csv'), { delay: 0 });
    link(sender, recorder);
    captureLogs(recorder);
    recorder.prepare();
    sender.send({ i: 1 });
    await recorder.loop();
    sender.send({ i: 2 });
    sender.send({ i: 3 });
    recorder.finish();
    expect(readFileSync(recorder.path, 'utf8')).toBe('i\n1\n2\n3\n');
  });
});
