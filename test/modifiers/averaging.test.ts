/**
 * The averaging Modifiers: Mean, Median, MovingAvg, MovingMed (the original's
 * tests/modifier/test_mean.py, test_median.py, test_moving_avg.py and
 * test_moving_med.py). Fixed on purpose (docs/differences-from-python.md): the
 * first message is counted once, where the original counted it twice; the
 * expected values below are the corrected ones (the original gives Mean(3) on
 * 1..7 null, 1.333…, null, null, 4, null, null and MovingAvg(3) on 1..5 1,
 * 1.333…, 2, 3, 4).
 */
import { describe, expect, it } from 'vitest';
import { modifier, type Message, type ModifierResult } from '../../packages/core/src/index.js';

const { Mean, Median, MovingAvg, MovingMed } = modifier;

/** Calls the modifier on `{a: v}` for each value. */
function feed(m: { call(data: Message): ModifierResult }, values: unknown[]): ModifierResult[] {
  return values.map((a) => m.call({ a } as Message));
}

describe.each([
  ['Mean', Mean],
  ['Median', Median],
  ['MovingAvg', MovingAvg],
  ['MovingMed', MovingMed],
])('%s options', (name, Class) => {
  it('takes nPoints alone or as an option', () => {
    expect(feed(new Class(2), [1, 3]).at(-1)).toEqual({ a: 2 });
    expect(feed(new Class({ nPoints: 2 }), [1, 3]).at(-1)).toEqual({ a: 2 });
  });

  it.each([0, -1, 1.5])('rejects nPoints %s', (nPoints) => {
    expect(() => new Class(nPoints)).toThrow(RangeError);
    expect(() => new Class({ nPoints })).toThrow(new RegExp(`${name}: nPoints`));
  });

  it('rejects an nPoints that is not a number, and unknown options', () => {
    expect(() => new Class('3' as unknown as number)).toThrow(TypeError);
    expect(() => new Class({ n_points: 3 } as object)).toThrow(/unknown option 'n_points'/);
  });

  it('is registered by its class name', () => {
    expect(modifier.Modifier.classes.get(name)).toBe(Class);
  });

  it('rejects a label that was not in the first message', () => {
    const m = new Class(3);
    m.call({ a: 1 });
    expect(() => m.call({ a: 2, b: 1 })).toThrow(new RegExp(`${name}: the label 'b' was not in the first message`));
  });
});

describe('Mean', () => {
  it('sends the mean of every nPoints messages, counting the first once', () => {
    expect(feed(new Mean(3), [1, 2, 3, 4, 5, 6, 7])).toEqual([null, null, { a: 2 }, null, null, { a: 5 }, null]);
  });

  it('averages 100 messages by default', () => {
    const results = feed(new Mean(), Array.from({ length: 100 }, (_, i) => i));
    expect(results.slice(0, 99).every((r) => r === null)).toBe(true);
    expect(results[99]).toEqual({ a: 49.5 });
  });

  it('averages every label, time included, each on its own count', () => {
    const m = new Mean(2);
    expect(m.call({ 't(s)': 0, a: 1, b: 10 })).toBeNull();
    expect(m.call({ 't(s)': 1, a: 3 })).toEqual({ 't(s)': 0.5, a: 2 });
    expect(m.call({ 't(s)': 2, a: 5, b: 20 })).toEqual({ b: 15 });
  });

  it('sends the last value of a label that is not numeric, and averages booleans', () => {
    const m = new Mean(2);
    m.call({ s: 'first', on: true });
    expect(m.call({ s: 'last', on: false })).toEqual({ s: 'last', on: 0.5 });
  });
});

describe('Median', () => {
  it('sends the median of every nPoints messages, counting the first once', () => {
    expect(feed(new Median(3), [5, 1, 3, 10, 2, 2, 7])).toEqual([null, null, { a: 3 }, null, null, { a: 2 }, null]);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(feed(new Median(4), [1, 10, 4, 2]).at(-1)).toEqual({ a: 3 });
  });

  it('gives NaN when a value is NaN, and the last value of text', () => {
    expect(feed(new Median(2), [1, NaN]).at(-1)).toEqual({ a: NaN });
    expect(feed(new Median(2), ['x', 'y']).at(-1)).toEqual({ a: 'y' });
  });
});

describe('MovingAvg', () => {
  it('sends the mean of the last nPoints messages, counting the first once', () => {
    expect(feed(new MovingAvg(3), [1, 2, 3, 4, 5])).toEqual([{ a: 1 }, { a: 1.5 }, { a: 2 }, { a: 3 }, { a: 4 }]);
  });

  it('sends every label of each message, and the last value of text', () => {
    const m = new MovingAvg(2);
    expect(m.call({ 't(s)': 0, s: 'a' })).toEqual({ 't(s)': 0, s: 'a' });
    expect(m.call({ 't(s)': 1, s: 'b' })).toEqual({ 't(s)': 0.5, s: 'b' });
    expect(m.call({ 't(s)': 2 })).toEqual({ 't(s)': 1.5 });
  });
});

describe('MovingMed', () => {
  it('sends the median of the last nPoints messages, counting the first once', () => {
    expect(feed(new MovingMed(3), [1, 10, 2, 3, 100])).toEqual([{ a: 1 }, { a: 5.5 }, { a: 2 }, { a: 3 }, { a: 3 }]);
  });
});
