/**
 * The Sink, in-thread, as the original's tests/blocks/test_sink.py checks it,
 * with instrumented Links between Blocks that do not run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Block, blocks, link, reset } from '../../packages/core/src/index.js';
import { onlyFlags, TestLink } from '../block/block-harness.js';

const { Sink } = blocks;

class Source extends Block {
  override loop(): void {}
}

afterEach(() => reset());

describe('Sink', () => {
  it('is not pausable and loops 10 times per second by default', () => {
    const sink = new Sink();
    expect(sink.pausable).toBe(false);
    expect(sink.freq).toBe(10);
    expect(new Sink({ freq: null }).freq).toBeNull();
  });

  it('rejects wrong options', () => {
    expect(() => new Sink({ displayFreq: 'yes' as unknown as boolean })).toThrow(/Sink: displayFreq/);
    expect(() => new Sink({ debug: 1 as unknown as boolean })).toThrow(/Sink: debug/);
    expect(() => new Sink({ pausable: true } as object)).toThrow(/unknown option 'pausable'/);
  });

  it('needs an input Link in prepare, and accepts several', () => {
    const sink = new Sink();
    expect(() => sink.prepare()).toThrow(/crappy\.Sink-1: no Link points towards this Block/);
    link(new Source(), sink);
    expect(() => sink.prepare()).not.toThrow();
    link(new Source(), sink);
    expect(() => sink.prepare()).not.toThrow();
  });

  it('drains every input with recvAllDataRaw', () => {
    const sources = [new Source(), new Source()];
    const sink = new Sink();
    const links = sources.map((source) => new TestLink(source, sink));
    sources[0]!.send({ a: 1 });
    sources[0]!.send({ a: 2 });
    sources[1]!.send({ b: 3 });
    for (const l of links) l.resetFlags();
    sink.loop();
    for (const l of links) {
      expect(l.flags).toEqual(onlyFlags('receivedChunk'));
      expect(l.pending).toBe(0);
    }
  });
});
