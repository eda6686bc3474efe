/**
 * The LinkReader, in-thread, as the original's tests/blocks/test_link_reader.py
 * checks it: real Links between Blocks that do not run, its log stubbed on the
 * instance.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Block, blocks, link, LogLevel, reset } from '../../packages/core/src/index.js';
import { stub } from './stubs.js';

const { LinkReader } = blocks;

class Source extends Block {
  override loop(): void {}
}

afterEach(() => reset());

describe('LinkReader options', () => {
  it('takes a name', () => {
    expect(new LinkReader({ name: 'Reader' }).readerName).toBe('Reader');
  });

  it('is named after a count of the LinkReaders created, never reset', () => {
    const first = Number(/^LinkReader (\d+)$/.exec(new LinkReader().readerName)![1]);
    new LinkReader({ name: 'named' });
    reset();
    expect(new LinkReader().readerName).toBe(`LinkReader ${first + 2}`);
  });

  it('has the original defaults: freq 50', () => {
    const reader = new LinkReader();
    expect(reader.freq).toBe(50);
    expect(reader.pausable).toBe(true);
  });

  it('rejects wrong options', () => {
    expect(() => new LinkReader({ name: 3 as unknown as string })).toThrow(/LinkReader: name/);
    expect(() => new LinkReader({ freq: -1 })).toThrow(/LinkReader: freq/);
    expect(() => new LinkReader({ reader_name: 'x' } as object)).toThrow(/unknown option 'reader_name'/);
  });
});

describe('LinkReader prepare', () => {
  it('needs an input Link', () => {
    const reader = new LinkReader();
    expect(() => reader.prepare()).toThrow(/crappy\.LinkReader-1: no Link points towards this Block/);
    link(new Source(), reader);
    expect(() => reader.prepare()).not.toThrow();
  });
});

describe('LinkReader loop', () => {
  it('logs nothing without data', () => {
    const reader = new LinkReader({ name: 'Reader' });
    link(new Source(), reader);
    const recorded = stub(reader);
    reader.loop();
    expect(recorded.logs).toEqual([]);
  });

  it('logs each message of a Link, in order, and empties it', () => {
    const source = new Source();
    const reader = new LinkReader({ name: 'Reader' });
    const l = link(source, reader);
    const recorded = stub(reader);
    source.send({ a: 1 });
    source.send({ b: 2 });
    source.send({ a: 3, b: 4 });
    reader.loop();
    expect(recorded.logs).toEqual([
      [LogLevel.INFO, "Reader got: {'a': 1}"],
      [LogLevel.INFO, "Reader got: {'b': 2}"],
      [LogLevel.INFO, "Reader got: {'a': 3, 'b': 4}"],
    ]);
    expect(l.poll()).toBe(false);
  });

  it('logs each input Link apart, in Link order, never merging messages', () => {
    const first = new Source();
    const second = new Source();
    const reader = new LinkReader({ name: 'Reader' });
    link(first, reader);
    link(second, reader);
    const recorded = stub(reader);
    second.send({ b: 10 });
    first.send({ a: 1 });
    first.send({ a: 2 });
    reader.loop();
    expect(recorded.logs.map(([, message]) => message)).toEqual([
      "Reader got: {'a': 1}",
      "Reader got: {'a': 2}",
      "Reader got: {'b': 10}",
    ]);
  });

  it('writes messages as Python writes dicts: quoted keys and strings, lists, True/False/None', () => {
    const source = new Source();
    const reader = new LinkReader({ name: 'R' });
    link(source, reader);
    const recorded = stub(reader);
    source.send({ 't(s)': 0.5, s: 'text', v: [1, 2], on: true, off: false, none: null, nested: { k: "it's" } });
    reader.loop();
    expect(recorded.logs[0]![1]).toBe(
      `R got: {'t(s)': 0.5, 's': 'text', 'v': [1, 2], 'on': True, 'off': False, 'none': None, 'nested': {'k': "it's"}}`,
    );
  });
});
