/**
 * The Demux Modifier: a stream turned into one number per channel label (the
 * original's tests/modifier/test_demux.py).
 */
import { describe, expect, it } from 'vitest';
import { modifier } from '../../packages/core/src/index.js';

const { Demux } = modifier;

const stream = () => ({ 't(s)': [0.1, 0.2, 0.3], stream: [[1, 10], [2, 20], [3, 30]], other: 'kept' });

describe('Demux', () => {
  it('sends the first value of each column and of the time, without the stream', () => {
    expect(new Demux(['a', 'b']).call(stream())).toEqual({ 't(s)': 0.1, a: 1, b: 10, other: 'kept' });
  });

  it('sends the means with mean', () => {
    const result = new Demux(['a', 'b'], { mean: true }).call(stream())!;
    expect(result.a).toBe(2);
    expect(result.b).toBe(20);
    expect(result['t(s)']).toBeCloseTo(0.2, 12);
  });

  it('reads channels as rows with transpose', () => {
    const data = { 't(s)': [0, 1, 2], stream: [[1, 2, 3], [10, 20, 30]] };
    expect(new Demux(['a', 'b'], { transpose: true }).call(structuredClone(data))).toEqual({ 't(s)': 0, a: 1, b: 10 });
    expect(new Demux(['a', 'b'], { transpose: true, mean: true }).call(data)).toEqual({ 't(s)': 1, a: 2, b: 20 });
  });

  it('takes typed-array rows, a flat stream as one channel, and times as rows of one', () => {
    const rows = { 't(s)': Float64Array.of(5, 6), stream: [Float64Array.of(1, 2), Float64Array.of(3, 4)] };
    expect(new Demux('a', { mean: true }).call(rows)).toEqual({ 't(s)': 5.5, a: 2 });
    const flat = { 't(s)': [[5], [6]], stream: Int16Array.of(7, 9) };
    expect(new Demux('v').call(flat)).toEqual({ 't(s)': 5, v: 7 });
  });

  it('takes fewer labels than channels', () => {
    expect(new Demux('a').call(stream())).toEqual({ 't(s)': 0.1, a: 1, other: 'kept' });
  });

  it('leaves a message with an empty stream unchanged', () => {
    expect(new Demux('a').call({ 't(s)': [], stream: [] })).toEqual({ 't(s)': [], stream: [] });
    expect(new Demux('a').call({ 't(s)': [0], stream: [[]] })).toEqual({ 't(s)': [0], stream: [[]] });
  });

  it('takes a stream label and a time label', () => {
    const data = { time: [1, 2], data: [[5], [6]] };
    expect(new Demux('x', { streamLabel: 'data', timeLabel: 'time' }).call(data)).toEqual({ time: 1, x: 5 });
  });

  it('rejects more labels than channels, and streams or times that are not numbers', () => {
    expect(() => new Demux(['a', 'b', 'c']).call(stream())).toThrow(/Demux: 3 labels given for a stream of 2 channels/);
    expect(() => new Demux('a').call({ 't(s)': [0], stream: 5 })).toThrow(TypeError);
    expect(() => new Demux('a').call({ 't(s)': ['x'], stream: [[1]] })).toThrow(/Demux: 't\(s\)' must hold numbers/);
    expect(() => new Demux('a').call({ stream: [[1]] })).toThrow(/Demux: the message has no label 't\(s\)'/);
  });

  it('takes labels in one options object too', () => {
    const demux = new modifier.Demux({ labels: ['a', 'b'], mean: true });
    expect(demux.call({ 't(s)': [0, 2], stream: [[1, 10], [3, 30]] })).toEqual({ 't(s)': 1, a: 2, b: 20 });
    expect(() => new modifier.Demux({ mean: true } as never)).toThrow(/Demux: labels is required/);
  });

  it('rejects wrong options', () => {
    expect(() => new Demux(5 as unknown as string)).toThrow(/Demux: labels/);
    expect(() => new Demux('a', { mean: 1 as unknown as boolean })).toThrow(/Demux: mean/);
    expect(() => new Demux('a', { stream: 'x' } as object)).toThrow(/unknown option 'stream'/);
  });
});
