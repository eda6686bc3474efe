/**
 * The MeanBlock's logic, in-thread, as the original's tests/blocks/test_mean.py
 * checks it, with t0 = 10 and recvAllData, send, log and the clock stubbed.
 * Fixed on purpose (docs/differences-from-python.md): the received times are
 * already relative to t0, so their middle is sent as is, where the original
 * subtracted t0 again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blocks, link, LogLevel, reset, type DataLists } from '../../packages/core/src/index.js';
import { stub, type StubOptions } from './stubs.js';

const { MeanBlock } = blocks;

afterEach(() => reset());

/** A MeanBlock with t0 = 10, stubbed, after begin(). */
function meanBlock(delay: number, options: ConstructorParameters<typeof MeanBlock>[1], stubs: StubOptions) {
  const block = new MeanBlock(delay, options);
  const recorded = stub(block, { t0: 10, ...stubs });
  block.begin();
  return { block, recorded };
}

describe('MeanBlock options', () => {
  it.each([0, -1])('rejects a delay of %s', (delay) => {
    expect(() => new MeanBlock(delay)).toThrow(RangeError);
    expect(() => new MeanBlock(delay)).toThrow(/MeanBlock: delay/);
  });

  it('has the original defaults: freq 50, time label t(s)', async () => {
    const { block, recorded } = meanBlock(1, undefined, { all: [{ 't(s)': [1, 3], a: [1, 2] }], times: [20] });
    expect(block.freq).toBe(50);
    await block.loop();
    expect(recorded.sent).toEqual([{ a: 1.5, 't(s)': 2 }]);
  });

  it('takes delay in one options object too, as the original is called (delay=1, ...)', () => {
    const block = new MeanBlock({ delay: 1, outLabels: 'a', freq: 20 });
    expect(block.freq).toBe(20);
    const recorded = stub(block, { t0: 10, all: [{ 't(s)': [1, 3], a: [1, 2], b: [5, 5] }], times: [20] });
    block.begin();
    void block.loop();
    expect(recorded.recvCalls).toEqual([[1, 0.1]]);
    expect(() => new MeanBlock({ outLabels: 'a' } as never)).toThrow(TypeError);
    expect(() => new MeanBlock({ outLabels: 'a' } as never)).toThrow('MeanBlock: delay is required, as argument 1 or in a single options object ({ delay, ... })');
    expect(() => new MeanBlock({ delay: 0 })).toThrow(RangeError);
    expect(() => new MeanBlock(1, { delay: 2 } as never)).toThrow(/MeanBlock: delay is given twice/);
  });

  it('rejects wrong options', () => {
    expect(() => new MeanBlock(1, { outLabels: 5 as unknown as string })).toThrow(/MeanBlock: outLabels/);
    expect(() => new MeanBlock(1, { timelabel: 'x' } as object)).toThrow(/unknown option 'timelabel'/);
    expect(() => new MeanBlock('1' as unknown as number)).toThrow(TypeError);
  });

  it.each([
    ['a label', 'a', ['a']],
    ['an array of labels', ['a', 'b'], ['a', 'b']],
    ['null', null, ['a', 'b', 'c']],
  ])('takes outLabels as %s', async (_, outLabels, sentLabels) => {
    const { block, recorded } = meanBlock(1, { outLabels }, { all: [{ 't(s)': [1, 2], a: [1, 1], b: [2, 2], c: [3, 3] }], times: [20] });
    await block.loop();
    expect(Object.keys(recorded.sent[0]!)).toEqual([...sentLabels, 't(s)']);
  });
});

describe('MeanBlock prepare', () => {
  it('needs an input and an output Link', () => {
    const block = new MeanBlock(1);
    expect(() => block.prepare()).toThrow(/no Link points towards this Block/);
    link(new blocks.Sink(), block);
    expect(() => block.prepare()).toThrow(/has no output Link/);
    link(block, new blocks.Sink());
    expect(() => block.prepare()).not.toThrow();
  });
});

describe('MeanBlock loop', () => {
  it('averages the numeric labels and sends the middle of the received times', async () => {
    const { block, recorded } = meanBlock(2, undefined, { all: [{ 't(s)': [11, 15], a: [1, 3], b: [2, 6] }], times: [20] });
    await block.loop();
    expect(recorded.recvCalls).toEqual([[2, 0.2]]);
    expect(recorded.sent).toEqual([{ a: 2, b: 4, 't(s)': 13 }]);
  });

  it('keeps only outLabels', async () => {
    const { block, recorded } = meanBlock(1, { outLabels: 'a' }, { all: [{ 't(s)': [12, 16], a: [1, 3], b: [100, 200] }], times: [30] });
    await block.loop();
    expect(recorded.sent).toEqual([{ a: 2, 't(s)': 14 }]);
  });

  it('uses a custom time label', async () => {
    const { block, recorded } = meanBlock(1, { timeLabel: 'time' }, { all: [{ time: [20, 24], a: [1, 3] }], times: [30] });
    await block.loop();
    expect(recorded.sent).toEqual([{ a: 2, time: 22 }]);
  });

  it('sends before loop() returns when recvAllData() is stubbed to return the data itself', () => {
    const { block, recorded } = meanBlock(2, undefined, { times: [20] });
    block.recvAllData = (() => ({ 't(s)': [11, 15], a: [1, 3] })) as never;
    expect(block.loop()).toBeUndefined();
    expect(recorded.sent).toEqual([{ a: 2, 't(s)': 13 }]);
  });

  it('makes up a time between the last send and now when no time came', async () => {
    const data: DataLists[] = [{ a: [1, 3] }, { a: [5] }];
    const { block, recorded } = meanBlock(1, undefined, { all: data, times: [14, 30] });
    await block.loop();
    // First send: between t0 (begin) and now, relative to t0.
    expect(recorded.sent).toEqual([{ a: 2, 't(s)': 2 }]);
    await block.loop();
    // Second send: between the first send (14) and now (30).
    expect(recorded.sent[1]).toEqual({ a: 5, 't(s)': 12 });
  });

  it('sends the last value of a label that cannot be averaged, with one warning', async () => {
    const { block, recorded } = meanBlock(1, undefined, { all: [{ 't(s)': [10, 12], label: ['first', 'last'] }], times: [30] });
    await block.loop();
    expect(recorded.sent).toEqual([{ label: 'last', 't(s)': 11 }]);
    const warnings = recorded.logs.filter(([level]) => level === LogLevel.WARNING);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![1]).toContain('Cannot perform averaging on label label');
  });

  it('averages booleans as numbers', async () => {
    const { block, recorded } = meanBlock(1, undefined, { all: [{ 't(s)': [0, 1], on: [true, false] }], times: [30] });
    await block.loop();
    expect(recorded.sent).toEqual([{ on: 0.5, 't(s)': 0.5 }]);
  });

  it.each([
    ['no data', undefined, {}],
    ['no data for outLabels', 'a', { 't(s)': [10, 12], b: [1, 3] }],
  ])('sends nothing with %s, and keeps the time of the last send', async (_, outLabels, first) => {
    const { block, recorded } = meanBlock(1, { outLabels }, { all: [first, { a: [7] }], times: [40] });
    await block.loop();
    expect(recorded.recvCalls).toEqual([[1, 0.1]]);
    expect(recorded.sent).toEqual([]);
    await block.loop();
    // Still counted from t0 = 10 (begin), not from the empty loop.
    expect(recorded.sent).toEqual([{ a: 7, 't(s)': 15 }]);
  });
});
