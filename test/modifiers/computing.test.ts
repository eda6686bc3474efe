/**
 * The Modifiers that add or change values: Diff, Integrate, Offset (the
 * original's tests/modifier/test_differentiate.py, test_integrate.py and
 * test_offset.py).
 */
import { describe, expect, it } from 'vitest';
import { modifier, type Message, type ModifierResult } from '../../packages/core/src/index.js';

const { Diff, Integrate, Offset } = modifier;

/** Calls the modifier on each message and gives the results. */
function feed(m: { call(data: Message): ModifierResult }, messages: Message[]): ModifierResult[] {
  return messages.map((data) => m.call(data));
}

const series = (t: number[], v: number[]): Message[] => t.map((ti, i) => ({ 't(s)': ti, v: v[i] }));

describe('Diff', () => {
  it("adds 0 first, then the slope from the previous message, as 'd_<label>'", () => {
    expect(feed(new Diff('v'), series([0, 1, 3], [0, 2, 8]))).toEqual([
      { 't(s)': 0, v: 0, d_v: 0 },
      { 't(s)': 1, v: 2, d_v: 2 },
      { 't(s)': 3, v: 8, d_v: 3 },
    ]);
  });

  it('takes a time label and an output label', () => {
    const d = new Diff('x', { timeLabel: 'time', outLabel: 'speed' });
    d.call({ time: 1, x: 0 });
    expect(d.call({ time: 1.5, x: 1 })).toEqual({ time: 1.5, x: 1, speed: 2 });
  });

  it("takes label in one options object too, as the original is called (label='v', ...)", () => {
    const d = new Diff({ label: 'x', timeLabel: 'time', outLabel: 'speed' });
    d.call({ time: 1, x: 0 });
    expect(d.call({ time: 1.5, x: 1 })).toEqual({ time: 1.5, x: 1, speed: 2 });
    expect(() => new Diff({ timeLabel: 'time' } as never)).toThrow(
      new TypeError('Diff: label is required, as argument 1 or in a single options object ({ label, ... })'),
    );
  });

  it('rejects two messages with the same time, a missing label and a non-numeric value', () => {
    const d = new Diff('v');
    d.call({ 't(s)': 1, v: 0 });
    expect(() => d.call({ 't(s)': 1, v: 1 })).toThrow(/Diff: two successive messages have the same time/);
    expect(() => new Diff('v').call({ 't(s)': 1 })).toThrow(/Diff: the message has no label 'v'/);
    expect(() => new Diff('v').call({ 't(s)': 1, v: 'x' })).toThrow(TypeError);
  });

  it('rejects wrong options', () => {
    expect(() => new Diff('v', { out_label: 'x' } as object)).toThrow(/Diff: unknown option 'out_label'/);
    expect(() => new Diff('v', { timeLabel: 1 as unknown as string })).toThrow(/Diff: timeLabel/);
  });
});

describe('Integrate', () => {
  it("adds 0 first, then the cumulative trapezoid, as 'i_<label>'", () => {
    expect(feed(new Integrate('v'), series([0, 1, 3], [0, 2, 4])).map((m) => m!.i_v)).toEqual([0, 1, 7]);
  });

  it('takes a time label and an output label, and keeps the other labels', () => {
    const i = new Integrate('q', { timeLabel: 'time', outLabel: 'Q' });
    i.call({ time: 0, q: 1, other: 'x' });
    expect(i.call({ time: 2, q: 1, other: 'y' })).toEqual({ time: 2, q: 1, other: 'y', Q: 2 });
  });

  it('takes label in one options object too', () => {
    expect(feed(new Integrate({ label: 'v', outLabel: 'area' }), series([0, 2], [1, 3]))[1]).toEqual({ 't(s)': 2, v: 3, area: 4 });
    expect(() => new Integrate({} as never)).toThrow(/Integrate: label is required/);
  });

  it('rejects a missing label', () => {
    expect(() => new Integrate('v').call({ v: 1 })).toThrow(/Integrate: the message has no label 't\(s\)'/);
  });
});

describe('Offset', () => {
  it('shifts a label so that its first value is the target', () => {
    expect(feed(new Offset('a', 6), [{ a: 3 }, { a: 4 }, { a: 10 }])).toEqual([{ a: 6 }, { a: 7 }, { a: 13 }]);
  });

  it('shifts several labels, each to its target, and leaves the others', () => {
    const o = new Offset(['a', 'b'], [0, 10]);
    expect(o.call({ a: 2, b: 1, c: 5 })).toEqual({ a: 0, b: 10, c: 5 });
    expect(o.call({ a: 3, b: 0, c: 6 })).toEqual({ a: 1, b: 9, c: 6 });
  });

  it('takes labels and offsets in one options object too', () => {
    expect(feed(new Offset({ labels: 'v', offsets: 6 }), series([0, 1], [3, 4])).map((m) => m!.v)).toEqual([6, 7]);
    expect(() => new Offset({ labels: 'v' } as never)).toThrow(/Offset: offsets is required/);
    expect(() => new Offset({ labels: 'v', offsets: 1, extra: 1 } as never)).toThrow(/Offset: unknown option 'extra'/);
  });

  it('needs as many offsets as labels', () => {
    expect(() => new Offset(['a', 'b'], 1)).toThrow(RangeError);
    expect(() => new Offset('a', [1, 2])).toThrow(/Offset: as many offsets as labels/);
    expect(() => new Offset('a', 'x' as unknown as number)).toThrow(TypeError);
  });

  it('rejects a message without a label to shift', () => {
    const o = new Offset('a', 0);
    o.call({ a: 1 });
    expect(() => o.call({ b: 1 })).toThrow(/Offset: the message has no label 'a'/);
  });
});
