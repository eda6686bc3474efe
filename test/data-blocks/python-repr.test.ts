/**
 * The Python-style repr of the LinkReader's log lines, which the original logs
 * as `Reader got: {'a': 3, 'b': 4}` (its tests/blocks/test_link_reader.py).
 */
import { describe, expect, it } from 'vitest';
import { pythonRepr } from '../../packages/core/src/blocks/python-repr.js';

describe('pythonRepr', () => {
  it('writes dicts with quoted keys, in key order, and nested values', () => {
    expect(pythonRepr({ a: 3, b: 4 })).toBe("{'a': 3, 'b': 4}");
    expect(pythonRepr({})).toBe('{}');
    expect(pythonRepr({ x: { y: [1, { z: 2 }] } })).toBe("{'x': {'y': [1, {'z': 2}]}}");
  });

  it('writes numbers as JavaScript does, but NaN and infinities as Python does', () => {
    expect([1, 2.5, -3, 1e21, 1e-7, -0].map(pythonRepr)).toEqual(['1', '2.5', '-3', '1e+21', '1e-7', '0']);
    expect([NaN, Infinity, -Infinity].map(pythonRepr)).toEqual(['nan', 'inf', '-inf']);
  });

  it('writes True, False and None', () => {
    expect([true, false, null, undefined].map(pythonRepr)).toEqual(['True', 'False', 'None', 'None']);
  });

  it('writes arrays and typed arrays as lists', () => {
    expect(pythonRepr([1, 'a', [true]])).toBe("[1, 'a', [True]]");
    expect(pythonRepr([])).toBe('[]');
    expect(pythonRepr(new Float64Array([0.5, 2]))).toBe('[0.5, 2]');
  });

  it("quotes strings as Python does: single quotes, double quotes around a single quote, Python's escapes", () => {
    expect(pythonRepr('text')).toBe("'text'");
    expect(pythonRepr("it's")).toBe(`"it's"`);
    expect(pythonRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pythonRepr('a\\b\n\r\t')).toBe("'a\\\\b\\n\\r\\t'");
    expect(pythonRepr('\x00\x7f\u00a0é\u2028')).toBe("'\\x00\\x7f\\xa0é\\u2028'");
  });
});
