// The Recorder's sidecar, <file>.meta.json: the run's start, script, library
// version, Blocks with their settings and options, and Links.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Block, blocks, link, reset, type Message } from '../../packages/core/src/index.js';
import { attachRun, captureLogs, removeFolder, tempFolder } from './harness.js';

let folder: string;

beforeEach(() => {
  folder = tempFolder();
});

afterEach(() => {
  reset();
  removeFolder(folder);
});

/** A sender with public options, a protected field and a private one. */
class Source extends Block {
  amplitude = 3;
  shape = { kind: 'sine', period: 2 };
  protected _phase = 0.5;
  #secret = 42;

  constructor() {
    super();
    this.freq = 10;
    this.labels = ['t(s)', 'cmd'];
  }

  override loop(): void {
    this.send([this.#secret, this._phase]);
  }
}

function double(message: Message): Message {
  return { ...message, cmd: (message.cmd as number) * 2 };
}

describe('the Recorder sidecar <file>.meta.json', () => {
  it('is written in begin(), with the run, its Blocks and its Links', () => {
    const source = new Source();
    const pid = new blocks.PID(2, { ki: 1, iLimit: [1, -1] });
    const recorder = new blocks.Recorder(join(folder, 'test.csv'), { labels: ['t(s)', 'pid'], delay: 1 });
    link(source, pid, { name: 'setpoint', capacity: 50, whenFull: 'block', modifier: double });
    link(pid, recorder);
    link(pid, source, { modifier: [(message: Message) => message] });
    const t0 = 1_700_000_000.25;
    attachRun(recorder, t0, t0 + 1);
    captureLogs(recorder);
    recorder.prepare();
    expect(existsSync(recorder.metadataPath)).toBe(false);
    recorder.begin();

    expect(recorder.metadataPath).toBe(join(folder, 'test.csv.meta.json'));
    const meta = JSON.parse(readFileSync(recorder.metadataPath, 'utf8')) as Record<string, unknown>;
    const version = (JSON.parse(readFileSync('packages/core/package.json', 'utf8')) as { version: string }).version;
    expect(meta).toMatchObject({
      file: resolve(folder, 'test.csv'),
      startDate: new Date(t0 * 1000).toISOString(),
      t0,
      script: resolve(process.argv[1]!),
      crappyVersion: version,
      node: process.version,
    });
    expect(meta.startDate).toBe('2023-11-14T22:13:20.250Z');

    expect(meta.blocks).toEqual([
      {
        name: source.name,
        class: 'Source',
        freq: 10,
        niceness: 0,
        labels: ['t(s)', 'cmd'],
        displayFreq: false,
        debug: false,
        pausable: true,
        options: { amplitude: 3, shape: { kind: 'sine', period: 2 } },
      },
      {
        name: pid.name,
        class: 'PID',
        freq: 500,
        niceness: -10,
        labels: ['t(s)', 'pid'],
        displayFreq: false,
        debug: false,
        pausable: true,
        options: {
          kp: 2,
          ki: 1,
          kd: 0,
          outMin: '-Infinity',
          outMax: 'Infinity',
          iLimit: [-1, 1],
          setpointLabel: 'cmd',
          inputLabel: 'V',
          timeLabel: 't(s)',
          kpLabel: 'kp',
          kiLabel: 'ki',
          kdLabel: 'kd',
          reverse: false,
          sendTerms: false,
        },
      },
      {
        name: recorder.name,
        class: 'Recorder',
        freq: 200,
        niceness: -5,
        labels: null,
        displayFreq: false,
        debug: false,
        pausable: true,
        options: { filePath: join(folder, 'test.csv'), delay: 1, recordLabels: ['t(s)', 'pid'] },
      },
    ]);
    expect(meta.links).toEqual([
      { name: 'setpoint', sender: source.name, receiver: pid.name, capacity: 50, whenFull: 'block', modifiers: ['double'] },
      { name: expect.stringMatching(/^link\d+$/), sender: pid.name, receiver: recorder.name, capacity: 10_000, whenFull: 'drop', modifiers: [] },
      { name: expect.stringMatching(/^link\d+$/), sender: pid.name, receiver: source.name, capacity: 10_000, whenFull: 'drop', modifiers: ['anonymous function'] },
    ]);
  });

  it('follows the file when it was renamed', () => {
    writeFileSync(join(folder, 'test.csv'), '');
    const recorder = new blocks.Recorder(join(folder, 'test.csv'));
    link(new Source(), recorder);
    attachRun(recorder, 1000, 1001);
    captureLogs(recorder);
    recorder.prepare();
    recorder.begin();
    const meta = JSON.parse(readFileSync(join(folder, 'test_00001.csv.meta.json'), 'utf8')) as Record<string, unknown>;
    expect(meta.file).toBe(resolve(folder, 'test_00001.csv'));
    expect(existsSync(join(folder, 'test.csv.meta.json'))).toBe(false);
  });
});
