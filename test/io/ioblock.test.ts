// IOBlock driven in-thread: reading, writing, trigger, streamer, makeZero, initial and exit commands, spam, errors.
import { describe, expect, it } from 'vitest';
import { blocks, inout, LogLevel, type Message } from '../../packages/core/src/index.js';
import { drive, logged, TestClock } from './harness.js';

const { IOBlock } = blocks;

/** Options of {@link Probe}. */
interface ProbeOptions {
  /** What getData() returns: `'list'` `[t, 1, 2]`, or `'dict'` `{t(s), a: 1, b: 2}` (default `'list'`). */
  shape?: 'list' | 'dict';
  /** Return Promises from every method. */
  async?: boolean;
}

/** An InOut recording every call; its readings are stamped with its clock. */
class Probe extends inout.InOut {
  readonly calls: string[] = [];
  readonly commands: unknown[][] = [];
  readonly options: ProbeOptions;

  constructor(options: ProbeOptions = {}) {
    super();
    this.options = options;
  }

  private answer<T>(value: T): T | Promise<T> {
    return this.options.async ? Promise.resolve(value) : value;
  }

  override open(): void | Promise<void> {
    this.calls.push('open');
    return this.answer(undefined);
  }

  override getData(): inout.InOutData | Promise<inout.InOutData> {
    this.calls.push('getData');
    const t = this.clock.time();
    return this.answer(this.options.shape === 'dict' ? { 't(s)': t, a: 1, b: 2 } : [t, 1, 2]);
  }

  override setCmd(...cmd: unknown[]): void | Promise<void> {
    this.calls.push('setCmd');
    this.commands.push(cmd);
    return this.answer(undefined);
  }

  override startStream(): void {
    this.calls.push('startStream');
  }

  override getStream(): inout.InOutStream {
    this.calls.push('getStream');
    const t = this.clock.time();
    return [new Float64Array([t, t + 0.5]), [[1, 10], [3, 30]]];
  }

  override stopStream(): void {
    this.calls.push('stopStream');
  }

  override close(): void | Promise<void> {
    this.calls.push('close');
    return this.answer(undefined);
  }
}
inout.InOut.classes.register(Probe);

function probeOf(block: blocks.IOBlock): Probe {
  return block.inout as Probe;
}

describe('IOBlock reading', () => {
  it('reads arrays, makes the time relative to t0 and sends them with its labels', async () => {
    const d = drive(new IOBlock(Probe, { labels: ['t(s)', 'a', 'b'] }), { input: false });
    await d.block.prepare();
    d.clock.now = 12.5;
    await d.block.loop();
    expect(d.sent).toEqual([{ 't(s)': 2.5, a: 1, b: 2 }]);
    expect(d.recvCalls).toEqual([false]);
  });

  it('reads objects (labels not needed), with async methods', async () => {
    const d = drive(new IOBlock(Probe, { shape: 'dict', async: true }), { input: false });
    await d.block.prepare();
    d.clock.now = 11;
    await d.block.loop();
    expect(d.sent).toEqual([{ 't(s)': 1, a: 1, b: 2 }]);
    expect(probeOf(d.block).calls).toEqual(['open', 'getData']);
  });

  it('finds the InOut by name and passes it its own options', async () => {
    const block = new IOBlock('Probe', { shape: 'dict', freq: 50 });
    expect(block.inout).toBeInstanceOf(Probe);
    expect(probeOf(block).options).toEqual({ shape: 'dict' });
    expect(block.freq).toBe(50);
  });

  it('with a trigger label, reads only in the loops that received it', async () => {
    const d = drive(new IOBlock(Probe, { labels: ['t(s)', 'a', 'b'], triggerLabel: 'go' }));
    await d.block.prepare();
    d.inbox.push({ other: 1 }, { go: 0 }, {});
    await d.block.loop();
    await d.block.loop();
    await d.block.loop();
    expect(d.sent).toHaveLength(1);
    expect(probeOf(d.block).calls).toEqual(['open', 'getData']);
    expect(logged(d, LogLevel.DEBUG)).toContain('Trigger received');
  });

  it('zeroes the readings over makeZeroDelay seconds of its clock in prepare()', async () => {
    const clock = new TestClock(10, 0.01);
    const d = drive(new IOBlock(Probe, { labels: ['t(s)', 'a', 'b'], makeZeroDelay: 0.5 }), { clock, input: false });
    await d.block.prepare();
    const reads = probeOf(d.block).calls.filter((call) => call === 'getData').length;
    expect(reads).toBeGreaterThan(10);
    expect(d.block.inout.offsets).toEqual([-1, -2]);
    await d.block.loop();
    expect(d.sent[0]).toMatchObject({ a: 0, b: 0 });
  });

  it('does not zero an InOut it does not read', async () => {
    const d = drive(new IOBlock(Probe, { cmdLabels: 'c', makeZeroDelay: 0.5 }), { output: false });
    await d.block.prepare();
    expect(probeOf(d.block).calls).toEqual(['open']);
    expect(d.block.inout.offsets).toBeNull();
  });

  it('in streamer mode, starts the stream once, sends chunks with relative times, and stops it at the end', async () => {
    const d = drive(new IOBlock(Probe, { streamer: true }), { input: false });
    expect(d.block.labels).toEqual(['t(s)', 'stream']);
    await d.block.prepare();
    d.clock.now = 11;
    await d.block.loop();
    await d.block.loop();
    await d.block.finish();
    expect(probeOf(d.block).calls).toEqual(['open', 'startStream', 'getStream', 'getStream', 'stopStream', 'close']);
    expect(d.sent[0]).toEqual({ 't(s)': new Float64Array([1, 1.5]), stream: [[1, 10], [3, 30]] });
  });

  it('does not read without output Links', async () => {
    const d = drive(new IOBlock(Probe, { cmdLabels: 'c' }), { output: false });
    await d.block.prepare();
    await d.block.loop();
    expect(probeOf(d.block).calls).toEqual(['open']);
  });
});

describe('IOBlock with a synchronous InOut', () => {
  it('prepares, reads, sends, writes and finishes before returning, as the original does', () => {
    const d = drive(new IOBlock(Probe, { labels: ['t(s)', 'a', 'b'], cmdLabels: 'c', makeZeroDelay: 0, initialCmd: 0, exitCmd: 9 }));
    expect(d.block.prepare()).toBeUndefined();
    d.clock.now = 12;
    d.inbox.push({ c: 1 });
    expect(d.block.loop()).toBeUndefined();
    expect(d.sent).toEqual([{ 't(s)': 2, a: 1, b: 2 }]);
    expect(probeOf(d.block).commands).toEqual([[0], [1]]);
    expect(d.block.finish()).toBeUndefined();
    expect(probeOf(d.block).calls.at(-1)).toBe('close');
  });

  it('returns a Promise when the InOut does', async () => {
    const d = drive(new IOBlock(Probe, { labels: ['t(s)', 'a', 'b'], async: true }), { input: false });
    const prepared = d.block.prepare();
    expect(prepared).toBeInstanceOf(Promise);
    await prepared;
    const looped = d.block.loop();
    expect(looped).toBeInstanceOf(Promise);
    expect(d.sent).toEqual([]);
    await looped;
    expect(d.sent).toHaveLength(1);
  });
});

describe('IOBlock writing', () => {
  it('sets a command once every label has a value, and only when it changed', async () => {
    const d = drive(new IOBlock(Probe, { cmdLabels: ['a', 'b'] }), { output: false });
    await d.block.prepare();
    d.inbox.push({ a: 1 }, { b: 2, t: 5 }, {}, { a: 1 }, { a: 3 });
    for (let i = 0; i < 5; i++) await d.block.loop();
    expect(probeOf(d.block).commands).toEqual([
      [1, 2],
      [3, 2],
    ]);
    expect(logged(d, LogLevel.WARNING)).toEqual(['No value received yet for b: the command is not set']);
    expect(d.recvCalls).toEqual([false, false, false, false, false]);
  });

  it('with spam, sets every command received, but not in loops that received nothing', async () => {
    const d = drive(new IOBlock(Probe, { cmdLabels: 'a', spam: true }), { output: false });
    await d.block.prepare();
    d.inbox.push({ a: 1 }, { a: 1 }, {}, { other: 0 });
    for (let i = 0; i < 4; i++) await d.block.loop();
    expect(probeOf(d.block).commands).toEqual([[1], [1], [1]]);
  });

  it('sets initialCmd in prepare() (a later equal command is not set again) and exitCmd in finish(), before close()', async () => {
    const d = drive(new IOBlock(Probe, { cmdLabels: ['a', 'b'], initialCmd: [0, 0], exitCmd: [9, 9], async: true }), {
      output: false,
    });
    await d.block.prepare();
    d.inbox.push({ a: 0 }, { b: 1 });
    await d.block.loop();
    await d.block.loop();
    await d.block.finish();
    const probe = probeOf(d.block);
    expect(probe.commands).toEqual([
      [0, 0],
      [0, 1],
      [9, 9],
    ]);
    expect(probe.calls).toEqual(['open', 'setCmd', 'setCmd', 'setCmd', 'close']);
  });

  it('takes a single value as a one-label command', async () => {
    const d = drive(new IOBlock(Probe, { cmdLabels: 'a', initialCmd: 'off', exitCmd: 'off' }), { output: false });
    await d.block.prepare();
    await d.block.finish();
    expect(probeOf(d.block).commands).toEqual([['off'], ['off']]);
  });

  it('reads and writes in the same loop', async () => {
    const d = drive(new IOBlock(Probe, { labels: ['t(s)', 'a', 'b'], cmdLabels: 'c' }));
    await d.block.prepare();
    d.inbox.push({ c: 4 });
    await d.block.loop();
    expect(d.sent).toHaveLength(1);
    expect(probeOf(d.block).commands).toEqual([[4]]);
  });
});

describe('IOBlock settings and errors', () => {
  it('has freq 200 and niceness -10 by default', () => {
    const block = new IOBlock(Probe);
    expect(block.freq).toBe(200);
    expect(block.niceness).toBe(-10);
    expect(block.labels).toBeNull();
  });

  it('lists the known InOuts for an unknown name and suggests passing the class', () => {
    expect(() => new IOBlock('LabJackT8')).toThrow(RangeError);
    expect(() => new IOBlock('LabJackT8')).toThrow(/unknown InOut 'LabJackT8' \(known: .*FakeInOut.*\)\. For a class of your own, pass the class itself/);
  });

  it('refuses a class that is not an InOut', () => {
    expect(() => new IOBlock(Map as never)).toThrow(/the class Map does not extend InOut/);
    expect(() => new IOBlock(3 as never)).toThrow(TypeError);
  });

  it('refuses an initialCmd or exitCmd whose length differs from cmdLabels', () => {
    expect(() => new IOBlock(Probe, { cmdLabels: ['a', 'b'], initialCmd: [1] })).toThrow(
      /initialCmd has 1 value\(s\) but cmdLabels has 2 label\(s\)/,
    );
    expect(() => new IOBlock(Probe, { cmdLabels: 'a', exitCmd: [1, 2] })).toThrow(RangeError);
    expect(() => new IOBlock(Probe, { exitCmd: 0 })).toThrow(/exitCmd has 1 value\(s\) but cmdLabels has 0/);
  });

  it('checks the types of its options, and lets the InOut check its own', () => {
    expect(() => new IOBlock(Probe, { streamer: 'yes' as never })).toThrow(/IOBlock\(Probe\): streamer must be true or false/);
    expect(() => new IOBlock(Probe, { labels: [1] as never })).toThrow(TypeError);
    expect(() => new IOBlock(Probe, { makeZeroDelay: -1 })).toThrow(/makeZeroDelay must be a number >= 0/);
    expect(() => new IOBlock(Probe, { freq: -5 })).toThrow(RangeError);
    expect(() => new IOBlock('FakeInOut', { labels: ['t(s)', 'm'], rate: 10 })).toThrow(/FakeInOut: unknown option 'rate'/);
  });

  it('fails in prepare() without any Link, naming the Block, at once (not in a Promise)', async () => {
    const d = drive(new IOBlock(Probe, { async: true }), { input: false, output: false });
    expect(() => d.block.prepare()).toThrow(/crappy\.IOBlock-\d+: the IOBlock driving Probe has no Link/);
    await d.block.finish();
    expect(probeOf(d.block).calls).toEqual([]);
  });

  it('fails in prepare() with input Links but neither cmdLabels nor triggerLabel', async () => {
    const d = drive(new IOBlock(Probe, { labels: ['t(s)', 'a', 'b'], async: true }));
    expect(() => d.block.prepare()).toThrow(RangeError);
  });

  it('gives the InOut its clock and its log', async () => {
    class Chatty extends inout.InOut {
      override open(): void {
        this.log(LogLevel.INFO, `opened at ${this.clock.time()}`);
      }
    }
    const d = drive(new IOBlock(Chatty, { cmdLabels: 'x' }), { output: false });
    d.clock.now = 33;
    await d.block.prepare();
    expect(logged(d, LogLevel.INFO)).toContain('Chatty: opened at 33');
  });

  it('sends what the InOut reads through real labels (a reading longer than the labels is cut)', async () => {
    const d = drive(new IOBlock(Probe, { labels: ['t(s)', 'a'] }), { input: false });
    await d.block.prepare();
    await d.block.loop();
    expect(d.sent as Message[]).toEqual([{ 't(s)': 0, a: 1 }]);
  });
});
