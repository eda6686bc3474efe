/**
 * The Modifiers that let messages through or not: DownSampler, TrigOnChange,
 * TrigOnValue (the original's tests/modifier/test_downsampler.py,
 * test_trig_on_change.py and test_trig_on_value.py).
 */
import { describe, expect, it } from 'vitest';
import { modifier, type Message, type ModifierResult } from '../../packages/core/src/index.js';

const { DownSampler, TrigOnChange, TrigOnValue } = modifier;

/** The values of `label` in the messages let through, calling the modifier on `{[label]: v, n: i}`. */
function passed(m: { call(data: Message): ModifierResult }, values: unknown[], label = 'a'): unknown[] {
  return values
    .map((v, i) => m.call({ [label]: v, n: i } as Message))
    .filter((r): r is Message => r !== null && r !== undefined)
    .map((r) => r[label]);
}

describe('DownSampler', () => {
  it('lets through the first message, then one every nPoints', () => {
    expect(passed(new DownSampler(3), [1, 2, 3, 4, 5, 6, 7])).toEqual([1, 4, 7]);
    expect(passed(new DownSampler({ nPoints: 3 }), [1, 2, 3, 4])).toEqual([1, 4]);
  });

  it('keeps one message in 10 by default, all with nPoints 1', () => {
    const values = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(passed(new DownSampler(), values)).toEqual([1, 11, 21]);
    expect(passed(new DownSampler(1), [1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('lets the message through unchanged', () => {
    const data = { a: 1, 't(s)': 0.5 };
    expect(new DownSampler(2).call(data)).toBe(data);
  });

  it('rejects a wrong nPoints', () => {
    expect(() => new DownSampler(0)).toThrow(/DownSampler: nPoints must be an integer of at least 1/);
    expect(() => new DownSampler({ npoints: 2 } as object)).toThrow(TypeError);
  });
});

describe('TrigOnChange', () => {
  it('lets through the first message, then each change', () => {
    expect(passed(new TrigOnChange('a'), [1, 1, 2, 2, 1])).toEqual([1, 2, 1]);
  });

  it('compares arrays by value, booleans as numbers, and text', () => {
    expect(passed(new TrigOnChange('a'), [[1, 2], [1, 2], [1, 3]])).toEqual([[1, 2], [1, 3]]);
    expect(passed(new TrigOnChange('a'), [true, 1, 0, false, 'x', 'x'])).toEqual([true, 0, 'x']);
    expect(passed(new TrigOnChange('a'), [null, null, 0])).toEqual([null, 0]);
  });

  it('lets the whole message through', () => {
    expect(new TrigOnChange('step').call({ step: 1, x: 2 })).toEqual({ step: 1, x: 2 });
  });

  it('takes label in one options object too', () => {
    expect(passed(new TrigOnChange({ label: 'a' }), [1, 1, 2])).toEqual([1, 2]);
    expect(() => new TrigOnChange({} as never)).toThrow(/TrigOnChange: label is required/);
  });

  it('rejects a message without the label, and a label that is not a string', () => {
    expect(() => new TrigOnChange('a').call({ b: 1 })).toThrow(/TrigOnChange: the message has no label 'a'/);
    expect(() => new TrigOnChange(1 as unknown as string)).toThrow(/TrigOnChange: label/);
  });
});

describe('TrigOnValue', () => {
  it('lets through the messages carrying one of the values', () => {
    expect(passed(new TrigOnValue('a', [2, 3]), [1, 2, 3, 4, 3])).toEqual([2, 3, 3]);
  });

  it('takes a single value, a string being one value', () => {
    expect(passed(new TrigOnValue('a', 2), [1, 2, 3])).toEqual([2]);
    expect(passed(new TrigOnValue('a', 'go'), ['g', 'go', 'o'])).toEqual(['go']);
    expect(passed(new TrigOnValue('a', true), [0, 1, true, false])).toEqual([1, true]);
  });

  it('takes label and values in one options object too', () => {
    expect(passed(new TrigOnValue({ label: 'a', values: [2, 3] }), [1, 2, 3, 4])).toEqual([2, 3]);
    expect(() => new TrigOnValue({ label: 'a' } as never)).toThrow(/TrigOnValue: values is required/);
  });

  it('rejects a message without the label', () => {
    expect(() => new TrigOnValue('a', 1).call({ b: 1 })).toThrow(RangeError);
  });
});
