/**
 * The Synchronizer's logic, in-thread, as the original's
 * tests/blocks/test_synchronizer.py checks it: recvAllDataRaw, send and log are
 * stubbed on the instance. The reference label is 'ref' and the label to
 * synchronise 'x' unless stated.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blocks, link, reset, type DataLists } from '../../packages/core/src/index.js';
import { almostEqualMessages, stub } from './stubs.js';

const { Synchronizer } = blocks;

afterEach(() => reset());

const GATE = {
  empty: 'No data in the buffer to process',
  reference: 'No value for the reference label found in the buffer',
  labels: 'Not all the requested labels received yet',
  two: 'Not at least 2 values for each label in buffer',
  ranges: 'Ranges not matching for interpolation',
  none: 'No value of the target label found between the minimum and maximum possible interpolation times',
};

type Options = ConstructorParameters<typeof Synchronizer>[1];

/** Runs one loop per element of `loops` (each the Links' chunks) and gives what was recorded. */
function run(loops: DataLists[][], options: Options = { labelsToSync: 'x' }) {
  const sync = new Synchronizer('ref', options);
  const recorded = stub(sync, { raw: loops });
  for (let i = 0; i < loops.length; i++) sync.loop();
  return recorded;
}

describe('Synchronizer options', () => {
  it('has the original defaults: freq 50', () => {
    const sync = new Synchronizer('ref');
    expect(sync.freq).toBe(50);
    expect(sync.displayFreq).toBe(false);
    expect(sync.debug).toBe(false);
  });

  it("takes referenceLabel in one options object too, as the original is called (reference_label='ref', ...)", () => {
    const sync = new Synchronizer({ referenceLabel: 'ref', labelsToSync: 'x', freq: 5 });
    expect(sync.freq).toBe(5);
    const recorded = stub(sync, { raw: [[{ 't(s)': [0, 1], ref: [100, 101], x: [0, 10], y: [1, 2] }]] });
    sync.loop();
    expect(recorded.sent).toEqual([
      { ref: 100, x: 0, 't(s)': 0 },
      { ref: 101, x: 10, 't(s)': 1 },
    ]);
    expect(() => new Synchronizer({ labelsToSync: 'x' } as never)).toThrow(
      new TypeError('Synchronizer: referenceLabel is required, as argument 1 or in a single options object ({ referenceLabel, ... })'),
    );
  });

  it('rejects a reference label that is not a string, and wrong options', () => {
    expect(() => new Synchronizer(3 as unknown as string)).toThrow(/Synchronizer: referenceLabel/);
    expect(() => new Synchronizer('ref', { labelsToSync: [1] as unknown as string[] })).toThrow(/Synchronizer: labelsToSync/);
    expect(() => new Synchronizer('ref', { toSync: 'x' } as object)).toThrow(/unknown option 'toSync'/);
  });

  it('takes labelsToSync as one label or an array', () => {
    const chunk = { 't(s)': [0, 1], ref: [100, 101], x: [0, 10], y: [20, 30] };
    const keys = (options: Options): string[][] => run([[{ ...chunk }]], options).sent.map((m) => Object.keys(m).sort());
    expect(keys({ labelsToSync: 'x' })).toEqual([['ref', 't(s)', 'x'], ['ref', 't(s)', 'x']]);
    expect(keys({ labelsToSync: ['y'] })).toEqual([['ref', 't(s)', 'y'], ['ref', 't(s)', 'y']]);
    expect(keys({})).toEqual([['ref', 't(s)', 'x', 'y'], ['ref', 't(s)', 'x', 'y']]);
  });
});

describe('Synchronizer prepare', () => {
  it('needs an input and an output Link', () => {
    const sync = new Synchronizer('ref');
    expect(() => sync.prepare()).toThrow(/no Link points towards this Block/);
    link(new blocks.Sink(), sync);
    expect(() => sync.prepare()).toThrow(/has no output Link/);
    link(sync, new blocks.Sink());
    expect(() => sync.prepare()).not.toThrow();
  });
});

describe('Synchronizer loop', () => {
  it('ignores data without the time label', () => {
    const recorded = run([[{ x: [1, 2] }]]);
    expect(recorded.recvCalls).toEqual([[]]);
    expect(recorded.debug).toEqual([GATE.empty]);
  });

  it('does not send time-only data', () => {
    expect(run([[{ 't(s)': [0, 1] }]], {}).debug).toEqual([GATE.empty]);
  });

  it('waits for the reference label', () => {
    expect(run([[{ 't(s)': [0, 1], x: [0, 10] }]]).debug).toEqual([GATE.reference]);
  });

  it('waits for the requested labels', () => {
    const recorded = run([[{ 't(s)': [0, 1], ref: [100, 101] }], [{ 't(s)': [0, 1], x: [0, 10] }]], { labelsToSync: ['x'] });
    expect(recorded.debug).toEqual([GATE.labels]);
    expect(almostEqualMessages(recorded.sent, [
      { 't(s)': 0, ref: 100, x: 0 },
      { 't(s)': 1, ref: 101, x: 10 },
    ])).toBeNull();
  });

  it('waits for two points per label', () => {
    expect(run([[{ 't(s)': [0, 1], ref: [0, 1] }, { 't(s)': [0], x: [0] }]]).debug).toEqual([GATE.two]);
  });

  it('waits for overlapping ranges', () => {
    expect(run([[{ 't(s)': [0, 1], ref: [0, 1] }, { 't(s)': [2, 3], x: [0, 1] }]]).debug).toEqual([GATE.ranges]);
  });

  it('waits for a reference point in the overlap', () => {
    const recorded = run([[{ 't(s)': [0, 10], ref: [0, 1] }, { 't(s)': [1, 2], x: [0, 1] }]]);
    expect(recorded.debug).toEqual([GATE.none]);
    expect(recorded.sent).toEqual([]);
  });

  it('interpolates a single input on exact boundaries', () => {
    const sent = run([[{ 't(s)': [0, 1], ref: [100, 101], x: [0, 10], y: [20, 30] }]], {}).sent;
    expect(almostEqualMessages(sent, [
      { 't(s)': 0, ref: 100, x: 0, y: 20 },
      { 't(s)': 1, ref: 101, x: 10, y: 30 },
    ])).toBeNull();
  });

  it('interpolates on the reference timestamps', () => {
    const sent = run([[{ 't(s)': [0, 0.25, 0.75, 1], ref: [100, 101, 102, 103] }, { 't(s)': [0, 1], x: [0, 10] }]]).sent;
    expect(almostEqualMessages(sent, [
      { 't(s)': 0, ref: 100, x: 0 },
      { 't(s)': 0.25, ref: 101, x: 2.5 },
      { 't(s)': 0.75, ref: 102, x: 7.5 },
      { 't(s)': 1, ref: 103, x: 10 },
    ])).toBeNull();
  });

  it('sorts unsorted timestamps', () => {
    const sent = run([[{ 't(s)': [2, 0, 1], ref: [20, 0, 10] }, { 't(s)': [0, 2], x: [100, 200] }]]).sent;
    expect(almostEqualMessages(sent, [
      { 't(s)': 0, ref: 0, x: 100 },
      { 't(s)': 1, ref: 10, x: 150 },
      { 't(s)': 2, ref: 20, x: 200 },
    ])).toBeNull();
  });

  it('drops the labels not to synchronise', () => {
    const sent = run([[{ 't(s)': [0, 1], ref: [100, 101], x: [0, 10], y: [20, 30] }]]).sent;
    expect(almostEqualMessages(sent, [
      { 't(s)': 0, ref: 100, x: 0 },
      { 't(s)': 1, ref: 101, x: 10 },
    ])).toBeNull();
  });

  it('uses a custom time label', () => {
    const sent = run([[{ time: [0, 1], ref: [100, 101], x: [0, 10] }]], { labelsToSync: 'x', timeLabel: 'time' }).sent;
    expect(almostEqualMessages(sent, [
      { time: 0, ref: 100, x: 0 },
      { time: 1, ref: 101, x: 10 },
    ])).toBeNull();
  });

  it('handles a reference point at zero', () => {
    const sent = run([[{ 't(s)': [0, 1], ref: [100, 101] }, { 't(s)': [0, 0.5], x: [10, 15] }]]).sent;
    expect(almostEqualMessages(sent, [{ 't(s)': 0, ref: 100, x: 10 }])).toBeNull();
  });

  it('sends the reference values as received', () => {
    const recorded = run([[{ 't(s)': [0, 1, 2], ref: [100, 101, 102] }, { 't(s)': [1, 2], x: [10, 20] }]]);
    expect(recorded.recvCalls).toHaveLength(1);
    expect(almostEqualMessages(recorded.sent, [
      { ref: 101, x: 10, 't(s)': 1 },
      { ref: 102, x: 20, 't(s)': 2 },
    ])).toBeNull();
  });

  it('buffers data without sending a time twice', () => {
    const chunk = (t: number[]): DataLists[] => [{ 't(s)': t, ref: t.map((ti) => 100 + ti), x: t.map((ti) => 10 * ti) }];
    const sent = run([chunk([0, 1]), chunk([2, 3])]).sent;
    expect(almostEqualMessages(sent, [0, 1, 2, 3].map((t) => ({ 't(s)': t, ref: 100 + t, x: 10 * t })))).toBeNull();
  });

  it('keeps the reference label known once all its points are used', () => {
    const recorded = run([[{ 't(s)': [0, 1], ref: [0, 1], x: [0, 10] }], [{ 't(s)': [2, 3], x: [20, 30] }]]);
    expect(recorded.sent).toHaveLength(2);
    expect(recorded.debug).toEqual([GATE.two]);
  });

  it('accepts the same label from several inputs', () => {
    const sent = run([[
      { 't(s)': [1, 3], ref: [10, 30] },
      { 't(s)': [0, 2], ref: [0, 20] },
      { 't(s)': [0, 3], x: [100, 130] },
    ]]).sent;
    expect(almostEqualMessages(sent, [0, 1, 2, 3].map((t) => ({ 't(s)': t, ref: 10 * t, x: 100 + 10 * t })))).toBeNull();
  });

  it('rejects a label with fewer values than times', () => {
    expect(() => run([[{ 't(s)': [0, 1], ref: [0] }]])).toThrow(RangeError);
  });
});
