/**
 * The Multiplexer's logic, in-thread, as the original's
 * tests/blocks/test_multiplexer.py checks it: recvAllDataRaw, send and log are
 * stubbed on the instance.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blocks, link, reset, type DataLists, type Message } from '../../packages/core/src/index.js';
import { almostEqualMessages, stub } from './stubs.js';

const { Multiplexer } = blocks;

afterEach(() => reset());

const GATE = {
  empty: 'No data in the buffer to process',
  labels: 'Not all the requested labels received yet',
  two: 'Not at least 2 values for each label in buffer',
  span: 'At least one label has values too close together compared to interpolation frequency',
  ranges: 'Ranges not matching for interpolation',
};

/** Runs one loop per element of `loops` (each the Links' chunks) and gives what was recorded. */
function run(loops: DataLists[][], options: ConstructorParameters<typeof Multiplexer>[0] = { interpFreq: 1 }) {
  const mux = new Multiplexer(options);
  const recorded = stub(mux, { raw: loops });
  for (let i = 0; i < loops.length; i++) mux.loop();
  return recorded;
}

describe('Multiplexer options', () => {
  it('has the original defaults: freq 50', () => {
    const mux = new Multiplexer();
    expect(mux.freq).toBe(50);
    expect(mux.displayFreq).toBe(false);
    expect(mux.debug).toBe(false);
  });

  it.each([0, -1])('rejects interpFreq %s', (interpFreq) => {
    expect(() => new Multiplexer({ interpFreq })).toThrow(RangeError);
    expect(() => new Multiplexer({ interpFreq })).toThrow(/Multiplexer: interpFreq/);
  });

  it('rejects wrong option types and unknown options', () => {
    expect(() => new Multiplexer({ outLabels: 3 as unknown as string })).toThrow(/Multiplexer: outLabels/);
    expect(() => new Multiplexer({ timeLabel: null as unknown as string })).toThrow(TypeError);
    expect(() => new Multiplexer({ outlabels: ['a'] } as object)).toThrow(/unknown option 'outlabels'/);
    expect(() => new Multiplexer({ freq: 0 })).toThrow(/Multiplexer: freq/);
  });

  it('takes outLabels as one label or an array (only those labels and the time are sent)', () => {
    const chunk = { 't(s)': [0, 1], a: [0, 10], b: [100, 200] };
    expect(run([[chunk]], { interpFreq: 1, outLabels: 'a' }).sent).toEqual([
      { a: 0, 't(s)': 0 },
      { a: 10, 't(s)': 1 },
    ]);
    expect(run([[chunk]], { interpFreq: 1, outLabels: ['b'] }).sent.map((m) => Object.keys(m))).toEqual([
      ['b', 't(s)'],
      ['b', 't(s)'],
    ]);
  });
});

describe('Multiplexer prepare', () => {
  class Other extends blocks.Sink {}

  it('needs an input and an output Link', () => {
    const mux = new Multiplexer();
    expect(() => mux.prepare()).toThrow(/no Link points towards this Block/);
    link(new Other(), mux);
    expect(() => mux.prepare()).toThrow(/has no output Link/);
    link(mux, new Other());
    expect(() => mux.prepare()).not.toThrow();
  });
});

describe('Multiplexer loop', () => {
  it('ignores data without the time label', () => {
    const recorded = run([[{ a: [1, 2] }]]);
    expect(recorded.recvCalls).toEqual([[]]);
    expect(recorded.sent).toEqual([]);
    expect(recorded.debug).toEqual([GATE.empty]);
  });

  it('does not send time-only data', () => {
    expect(run([[{ 't(s)': [0, 1] }]]).debug).toEqual([GATE.empty]);
  });

  it('waits for the requested labels', () => {
    const recorded = run(
      [[{ 't(s)': [0, 1], a: [0, 10] }], [{ 't(s)': [0, 1], b: [100, 200] }]],
      { interpFreq: 1, outLabels: ['a', 'b'] },
    );
    expect(recorded.debug).toEqual([GATE.labels]);
    expect(almostEqualMessages(recorded.sent, [
      { 't(s)': 0, a: 0, b: 100 },
      { 't(s)': 1, a: 10, b: 200 },
    ])).toBeNull();
  });

  it('waits for two points per label', () => {
    expect(run([[{ 't(s)': [0], a: [10] }]]).debug).toEqual([GATE.two]);
  });

  it('waits for a span of at least one period', () => {
    expect(run([[{ 't(s)': [0, 0.5], a: [0, 1] }]]).debug).toEqual([GATE.span]);
  });

  it('waits for overlapping ranges', () => {
    const recorded = run([[{ 't(s)': [0, 1], a: [0, 1] }, { 't(s)': [2, 3], b: [0, 1] }]]);
    expect(recorded.debug).toEqual([GATE.ranges]);
    expect(recorded.sent).toEqual([]);
  });

  it('interpolates a single input on exact grid boundaries', () => {
    expect(almostEqualMessages(run([[{ 't(s)': [0, 1], a: [0, 10], b: [100, 200] }]]).sent, [
      { 't(s)': 0, a: 0, b: 100 },
      { 't(s)': 1, a: 10, b: 200 },
    ])).toBeNull();
  });

  it('sorts unsorted timestamps', () => {
    expect(almostEqualMessages(run([[{ 't(s)': [2, 0, 1], a: [20, 0, 10] }]]).sent, [
      { 't(s)': 0, a: 0 },
      { 't(s)': 1, a: 10 },
      { 't(s)': 2, a: 20 },
    ])).toBeNull();
  });

  it('uses a custom time label', () => {
    expect(almostEqualMessages(run([[{ time: [0, 1], a: [0, 2] }]], { interpFreq: 1, timeLabel: 'time' }).sent, [
      { time: 0, a: 0 },
      { time: 1, a: 2 },
    ])).toBeNull();
  });

  it('handles negative and zero grid points', () => {
    expect(almostEqualMessages(run([[{ 't(s)': [-1, 0], a: [-10, 0] }]]).sent, [
      { 't(s)': -1, a: -10 },
      { 't(s)': 0, a: 0 },
    ])).toBeNull();
  });

  it('combines fast and slow inputs', () => {
    const fast = { 't(s)': [0, 0.25, 0.5, 0.75, 1], fast: [0, 2.5, 5, 7.5, 10] };
    const slow = { 't(s)': [0, 1], slow: [100, 200] };
    expect(almostEqualMessages(run([[fast, slow]], { interpFreq: 2 }).sent, [
      { 't(s)': 0, fast: 0, slow: 100 },
      { 't(s)': 0.5, fast: 5, slow: 150 },
      { 't(s)': 1, fast: 10, slow: 200 },
    ])).toBeNull();
  });

  it('downsamples an input much faster than interpFreq', () => {
    const t = Array.from({ length: 11 }, (_, i) => i / 10);
    expect(almostEqualMessages(run([[{ 't(s)': t, a: t.map((ti) => 10 * ti) }]], { interpFreq: 2 }).sent, [
      { 't(s)': 0, a: 0 },
      { 't(s)': 0.5, a: 5 },
      { 't(s)': 1, a: 10 },
    ])).toBeNull();
  });

  it('upsamples an input much slower than interpFreq', () => {
    const expected = Array.from({ length: 9 }, (_, i) => ({ 't(s)': i / 4, a: (10 * i) / 4 }));
    expect(almostEqualMessages(run([[{ 't(s)': [0, 2], a: [0, 20] }]], { interpFreq: 4 }).sent, expected)).toBeNull();
  });

  it('does not depend on the Block frequency', () => {
    const chunk = (): DataLists[] => [{ 't(s)': [0, 2], a: [0, 20] }];
    const slow = run([chunk()], { interpFreq: 2, freq: 0.1 }).sent;
    const fast = run([chunk()], { interpFreq: 2, freq: 1000 }).sent;
    expect(fast).toEqual(slow);
    expect(almostEqualMessages(slow, [0, 0.5, 1, 1.5, 2].map((t) => ({ 't(s)': t, a: 10 * t })))).toBeNull();
  });

  it('keeps the last point and sends no time twice', () => {
    const recorded = run([[{ 't(s)': [0, 1], a: [0, 10] }], [{ 't(s)': [2], a: [20] }]]);
    expect(recorded.sent.map((m) => m['t(s)'])).toEqual([0, 1, 2]);
    expect(almostEqualMessages(recorded.sent.slice(2), [{ 't(s)': 2, a: 20 }])).toBeNull();
  });

  it('keeps its buffer while the next grid point is not available', () => {
    const mux = new Multiplexer({ interpFreq: 1 });
    const recorded = stub(mux, {
      raw: [[{ 't(s)': [0, 1], a: [0, 10] }], [{ 't(s)': [1.25], a: [12.5] }], [{ 't(s)': [2], a: [20] }]],
    });
    mux.loop();
    mux.loop();
    expect(recorded.sent.map((m) => m['t(s)'])).toEqual([0, 1]);
    expect(recorded.debug).toEqual([GATE.span]);
    mux.loop();
    expect(almostEqualMessages(recorded.sent.slice(2), [{ 't(s)': 2, a: 20 }])).toBeNull();
  });

  it('accepts the same label from several inputs', () => {
    const sent = run([[{ 't(s)': [1, 3], a: [10, 30] }, { 't(s)': [0, 2], a: [0, 20] }]]).sent;
    expect(almostEqualMessages(sent, [0, 1, 2, 3].map((t) => ({ 't(s)': t, a: 10 * t })))).toBeNull();
  });

  it('rejects a label with fewer values than times', () => {
    expect(() => run([[{ 't(s)': [0, 1], a: [0] }]])).toThrow(RangeError);
  });

  it('rejects values that are not numbers', () => {
    expect(() => run([[{ 't(s)': [0, 1], a: ['x', 'y'] }]])).toThrow(/'a' must carry numbers/);
  });

  it('sends one message per grid point, labels then time', () => {
    const sent: Message[] = run([[{ 't(s)': [0, 1], b: [0, 1], a: [5, 6] }]]).sent;
    expect(Object.keys(sent[0]!)).toEqual(['b', 'a', 't(s)']);
  });
});
