/**
 * The JSON payload of the ClientServer Block: what it carries (columns of
 * values, typed arrays as arrays, the sender's t0 and time label) and what
 * it refuses. The original pickled its payloads (crappy/blocks/client_server.py),
 * which runs code on the receiver; these are data only.
 */
import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload, PayloadError } from '../../packages/remote/src/index.js';

describe('the ClientServer payload', () => {
  it('carries columns of values, typed arrays as arrays, and decodes back to them', () => {
    const text = encodePayload(1700000000.5, { 't1': [0.1, 0.2], 'F(N)': [3, -4], tag: ['a', 'b'], ok: [true, false], v: [new Float32Array([1, 2]), [3]] }, 't1');
    expect(JSON.parse(text)).toEqual({ t0: 1700000000.5, time: 't1', data: { t1: [0.1, 0.2], 'F(N)': [3, -4], tag: ['a', 'b'], ok: [true, false], v: [[1, 2], [3]] } });
    expect(decodePayload(text, ['t1', 'F(N)', 'tag', 'ok', 'v'])).toEqual(JSON.parse(text));
  });

  it('has no time label when the sender sent no t(s)', () => {
    expect(JSON.parse(encodePayload(2, { cmd: [1] }))).toEqual({ t0: 2, data: { cmd: [1] } });
  });

  it.each([
    ['text that is not JSON', 'print("hi")', /not valid JSON/],
    ['JSON that is not an object', '[1, 2]', /not a JSON object/],
    ['a missing t0', '{"data": {"a": [1]}}', /t0 is not a number/],
    ['an unexpected label', '{"t0": 1, "data": {"a": [1], "b": [2]}}', /labels are \["a","b"\], expected \["a"\]/],
    ['a missing label', '{"t0": 1, "data": {}}', /labels are \[\], expected \["a"\]/],
    ['a column that is not a list', '{"t0": 1, "data": {"a": 1}}', /column "a" is not a list of values/],
    ['an object among the values', '{"t0": 1, "data": {"a": [{"x": 1}]}}', /column "a" is not a list of values/],
    ['a time label that is not a label', '{"t0": 1, "time": "t", "data": {"a": [1]}}', /time label "t" is not one of its labels/],
    ['a time column of strings', '{"t0": 1, "time": "a", "data": {"a": ["1"]}}', /time column "a" holds something else than numbers/],
  ])('refuses %s, saying why', (_what, text, why) => {
    expect(() => decodePayload(text, ['a'])).toThrow(PayloadError);
    expect(() => decodePayload(text, ['a'])).toThrow(why);
  });

  it('refuses columns of different lengths', () => {
    expect(() => decodePayload('{"t0": 1, "data": {"a": [1, 2], "b": [1]}}', ['a', 'b'])).toThrow(/different lengths/);
  });
});
