/**
 * Links between Blocks and the send / dataAvailable / recv* family (the
 * original's tests/block/test_05_links.py; cases L1–L12 below), plus the fix
 * made on purpose: recvLastData also covers Links added after its first call.
 * The methods are called directly on Blocks that do not run, except in L11;
 * every Link is instrumented to record which of its methods were called.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Link, link, LinkDataError, reset, runState } from '../../packages/core/src/index.js';
import {
  eventStates,
  TestClock,
  joinRun,
  lifecycle,
  NO_FLAGS,
  onlyFlags,
  runInThread,
  TestBlock,
  TestLink,
} from './block-harness.js';

afterEach(() => {
  reset();
});

/** Almost-equal as the original's tests define it. */
function expectAlmost(actual: number, expected: number): void {
  expect(Math.abs(actual - expected), `${actual} ≈ ${expected}`).toBeLessThan(5e-8);
}

describe('L1 link()', () => {
  it('fills inputs and outputs in creation order, self-links included', () => {
    const b = [new TestBlock(), new TestBlock(), new TestBlock(), new TestBlock()] as const;
    const l12 = link(b[0], b[1]);
    const l22 = link(b[1], b[1]);
    const l23 = link(b[1], b[2]);
    const l24 = link(b[1], b[3]);
    expect(b.map((x) => x.inputs.length)).toEqual([0, 2, 1, 1]);
    expect(b.map((x) => x.outputs.length)).toEqual([1, 3, 0, 0]);
    expect(b[1].inputs).toEqual([l12, l22]);
    expect(b[1].outputs).toEqual([l22, l23, l24]);
    expect(b[2].inputs).toEqual([l23]);
    expect(b[3].inputs).toEqual([l24]);
  });
});

describe('L1 new Link()', () => {
  it('connects the Blocks and joins the run by itself, as link() does', () => {
    const [a, b] = [new TestBlock(), new TestBlock()];
    const made = new Link(a, b, { name: 'direct' });
    expect(a.outputs).toEqual([made]);
    expect(b.inputs).toEqual([made]);
    expect(runState.links).toEqual([made]);
    const viaLink = link(b, a);
    expect(runState.links).toEqual([made, viaLink]);
    a.send({ x: 1 });
    expect(b.recvData()).toEqual({ x: 1 });
  });

  it('refuses ends that are not Blocks, naming which', () => {
    const block = new TestBlock();
    expect(() => new Link({} as never, block)).toThrow(/the sender must be a Block/);
    expect(() => new Link(block, 5 as never)).toThrow(/the receiver must be a Block/);
    expect(block.inputs).toEqual([]);
    expect(runState.links).toEqual([]);
  });
});

describe("a '__proto__' label", () => {
  it('stays an own label through recvData() and recvLastData()', () => {
    const [a, b] = [new TestBlock(), new TestBlock()];
    link(a, b);
    const message = JSON.parse('{"__proto__": 3, "x": 1}') as Record<string, number>;
    a.send(message);
    const got = b.recvData();
    expect(Object.keys(got)).toEqual(['__proto__', 'x']);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    a.send(message);
    for (const fillMissing of [false, true]) {
      const last = b.recvLastData(fillMissing);
      expect(Object.keys(last)).toEqual(['__proto__', 'x']);
      expect(Object.getOwnPropertyDescriptor(last, '__proto__')?.value).toBe(3);
    }
  });
});

describe('Links between three Blocks (1 → 3 and 2 → 3)', () => {
  let block1: TestBlock;
  let block2: TestBlock;
  let block3: TestBlock;
  let link1: TestLink;
  let link2: TestLink;
  const links = (): TestLink[] => [link1, link2];
  const resetFlags = (): void => links().forEach((l) => l.resetFlags());

  beforeEach(() => {
    block1 = new TestBlock();
    block2 = new TestBlock();
    block3 = new TestBlock();
    link1 = new TestLink(block1, block3);
    link2 = new TestLink(block2, block3);
  });

  describe('L2 send()', () => {
    it('send(null) (or undefined) does nothing and touches no Link', () => {
      block1.send(null);
      block1.send(undefined);
      expect(link1.flags).toEqual(NO_FLAGS);
      expect(link1.pending).toBe(0);
      expect(block3.recvData()).toEqual({});
    });

    it('an array without labels is a LinkDataError, thrown before any Link is touched', () => {
      expect(() => block1.send([0])).toThrow(LinkDataError);
      block1.labels = [];
      expect(() => block1.send([0, 1])).toThrow(LinkDataError);
      // any non-object without labels, too
      block1.labels = null;
      expect(() => block1.send(5 as never)).toThrow(LinkDataError);
      expect(link1.flags).toEqual(NO_FLAGS);
      expect(link1.pending).toBe(0);
    });

    it('an object goes through Link.send on every output, without polling', () => {
      const other = new TestBlock();
      const extra = new TestLink(block1, other);
      block1.send({ a: 1 });
      expect(link1.flags).toEqual(onlyFlags('sent'));
      expect(extra.flags).toEqual(onlyFlags('sent'));
      expect(link2.flags).toEqual(NO_FLAGS);
      expect(block3.recvData()).toEqual({ a: 1 });
      expect(other.recvData()).toEqual({ a: 1 });
    });

    it('an array is named by the labels, extra values are dropped', () => {
      block1.labels = ['a', 'b'];
      block1.send([0, 1]);
      expect(link1.flags).toEqual(onlyFlags('sent'));
      expect(block3.recvData()).toEqual({ a: 0, b: 1 });
      block1.send([2, 3, 4]);
      expect(block3.recvData()).toEqual({ a: 2, b: 3 });
      // fewer values than labels: only those labels
      block1.send([5]);
      expect(block3.recvData()).toEqual({ a: 5 });
    });

    it('a value that is not iterable, with labels set, is a TypeError', () => {
      block1.labels = ['a'];
      expect(() => block1.send(5 as never)).toThrow(TypeError);
      expect(() => block1.send(5 as never)).not.toThrow(LinkDataError);
      expect(link1.flags).toEqual(NO_FLAGS);
      expect(link1.pending).toBe(0);
    });
  });

  describe('L3 dataAvailable()', () => {
    it('is false on empty Links, polling every input and nothing else', () => {
      expect(block3.dataAvailable()).toBe(false);
      expect(link1.flags).toEqual(onlyFlags('polled'));
      expect(link2.flags).toEqual(onlyFlags('polled'));
    });

    it('is true after an upstream send, stopping at the first Link that has data', () => {
      block1.send({ a: 0 });
      resetFlags();
      expect(block3.dataAvailable()).toBe(true);
      expect(link1.flags).toEqual(onlyFlags('polled'));
      expect(link2.flags).toEqual(NO_FLAGS);
    });

    it('is true for data on the second Link, and false again once recvData() drained it', () => {
      block2.send({ b: 1 });
      expect(block3.dataAvailable()).toBe(true);
      expect(block3.recvData()).toEqual({ b: 1 });
      expect(block3.dataAvailable()).toBe(false);
    });

    it('is false without inputs', () => {
      expect(block1.dataAvailable()).toBe(false);
    });
  });

  describe('L4 recvData()', () => {
    it('takes the oldest message of each Link and merges them in Link order', () => {
      expect(block3.recvData()).toEqual({});
      expect(link1.flags).toEqual(onlyFlags('received'));
      expect(link2.flags).toEqual(onlyFlags('received'));

      block1.send({ a: 0 });
      block2.send({ b: 1 });
      expect(block3.recvData()).toEqual({ a: 0, b: 1 });

      block2.labels = ['b'];
      block1.labels = ['a'];
      block1.send([0]);
      block2.send([1]);
      expect(block3.recvData()).toEqual({ a: 0, b: 1 });

      block1.labels = ['a', 'c'];
      block1.send([0, 2]);
      block2.send([1]);
      expect(block3.recvData()).toEqual({ a: 0, b: 1, c: 2 });

      block1.send([0]);
      block2.send([1]);
      expect(block3.recvData()).toEqual({ a: 0, b: 1 });

      block1.labels = ['a', 'c', 'd'];
      block1.send([0, 2]);
      block2.send([1]);
      expect(block3.recvData()).toEqual({ a: 0, b: 1, c: 2 });

      // a later Link overwrites a label of an earlier one
      block1.labels = ['b'];
      block1.send([0]);
      block2.send([1]);
      expect(block3.recvData()).toEqual({ b: 1 });

      for (const l of links()) {
        expect(l.flags.polled).toBe(false);
        expect(l.pending).toBe(0);
      }
    });

    it('takes one message per Link per call, oldest first', () => {
      block1.send({ a: 0 });
      block1.send({ a: 1 });
      block2.send({ b: 5 });
      expect(block3.recvData()).toEqual({ a: 0, b: 5 });
      expect(block3.recvData()).toEqual({ a: 1 });
      expect(block3.recvData()).toEqual({});
    });
  });

  describe('L5 recvLastData()', () => {
    it('keeps the newest message of each Link, and with fillMissing the last known values', () => {
      // 1. empty
      expect(block3.recvLastData(false)).toEqual({});
      expect(block3.recvLastData(true)).toEqual({});
      expect(link1.flags).toEqual(onlyFlags('receivedLast'));
      expect(link2.flags).toEqual(onlyFlags('receivedLast'));
      // 2.
      block1.send({ a: 0 });
      block2.send({ b: 1 });
      expect(block3.recvLastData(false)).toEqual({ a: 0, b: 1 });
      // 3.
      block1.send({ a: 0 });
      block2.send({ b: 2 });
      expect(block3.recvLastData(false)).toEqual({ a: 0, b: 2 });
      // 4. older messages are dropped
      block1.send({ a: 0 });
      block2.send({ b: 1 });
      block2.send({ b: 2 });
      expect(block3.recvLastData(false)).toEqual({ a: 0, b: 2 });
      // 5. nothing new on Link 1: not in the result without fillMissing
      block2.send({ b: 1 });
      block2.send({ b: 2 });
      expect(block3.recvLastData(false)).toEqual({ b: 2 });
      // 6. with fillMissing, Link 1's last value is given again
      block2.send({ b: 1 });
      block2.send({ b: 2 });
      expect(block3.recvLastData(true)).toEqual({ a: 0, b: 2 });
      // 7.
      block1.send({ a: 1 });
      block3.recvLastData(true);
      expect(block3.recvLastData(true)).toEqual({ a: 1, b: 2 });
      // the default is fillMissing = true
      expect(block3.recvLastData()).toEqual({ a: 1, b: 2 });

      for (const l of links()) {
        expect(l.flags).toEqual(onlyFlags('sent', 'receivedLast'));
        expect(l.pending).toBe(0);
      }
    });

    it('gives the newest whole message, not a merge of the pending ones', () => {
      block1.send({ a: 0, x: 9 });
      block1.send({ a: 1 });
      expect(block3.recvLastData(false)).toEqual({ a: 1 });
      // the buffer of known values does merge them
      expect(block3.recvLastData(true)).toEqual({ a: 1 });
      block1.send({ y: 3 });
      expect(block3.recvLastData(true)).toEqual({ a: 1, y: 3 });
    });

    it('with fillMissing, a later Link’s stale value wins a shared label (as the original)', () => {
      block1.send({ a: 1 });
      block2.send({ a: 2 });
      expect(block3.recvLastData(true)).toEqual({ a: 2 });
      block1.send({ a: 3 });
      expect(block3.recvLastData(false)).toEqual({ a: 3 });
      block1.send({ a: 4 });
      expect(block3.recvLastData(true)).toEqual({ a: 2 });
    });

    it('also covers a Link added after its first call (a fix: the original ignores it)', () => {
      block1.send({ a: 0 });
      expect(block3.recvLastData(true)).toEqual({ a: 0 });

      const block4 = new TestBlock();
      const link3 = new TestLink(block4, block3);
      block4.send({ c: 5 });
      expect(block3.recvLastData(false)).toEqual({ c: 5 });
      expect(link3.flags).toEqual(onlyFlags('sent', 'receivedLast'));
      expect(link3.pending).toBe(0);
      // its last value is kept like the others'
      expect(block3.recvLastData(true)).toEqual({ a: 0, c: 5 });
      block2.send({ b: 1 });
      block4.send({ c: 6 });
      expect(block3.recvLastData(true)).toEqual({ a: 0, b: 1, c: 6 });
    });

    it('covers a Link added after the first call even when fillMissing is true from the start', () => {
      expect(block3.recvLastData()).toEqual({});
      const block4 = new TestBlock();
      link(block4, block3);
      block4.send({ c: 7 });
      expect(block3.recvLastData()).toEqual({ c: 7 });
      expect(block3.recvLastData()).toEqual({ c: 7 });
    });
  });

  describe('L6 recvAllData()', () => {
    it('gives {} on empty Links, immediately or after a delay', async () => {
      expect(block3.recvAllData()).toEqual({});
      expect(await block3.recvAllData(null)).toEqual({});
      const before = performance.now();
      expect(await block3.recvAllData(1.0)).toEqual({});
      // it collected for the whole delay (a lower bound only)
      expect(performance.now() - before).toBeGreaterThanOrEqual(990);
    });

    it('gives every pending value of every Link, Links in order then messages in order', async () => {
      block1.send({ a: 0 });
      block2.send({ b: 1 });
      expect(block3.recvAllData()).toEqual({ a: [0], b: [1] });

      block1.send({ a: 0 });
      block2.send({ b: 1 });
      block2.send({ b: 2 });
      expect(block3.recvAllData()).toEqual({ a: [0], b: [1, 2] });

      block2.send({ b: 1 });
      block2.send({ b: 2 });
      expect(await block3.recvAllData(null)).toEqual({ b: [1, 2] });

      // the source Link is lost: Link 1's values come first
      block1.send({ a: 0 });
      block1.send({ b: 2 });
      block2.send({ a: 1 });
      block2.send({ b: 1 });
      expect(block3.recvAllData()).toEqual({ a: [0, 1], b: [2, 1] });

      // a message lacking a label adds nothing to its list
      block1.send({ a: 0, b: 0 });
      block1.send({ a: 1 });
      block1.send({ a: 2, b: 2 });
      expect(block3.recvAllData()).toEqual({ a: [0, 1, 2], b: [0, 2] });

      for (const l of links()) {
        expect(l.flags).toEqual(onlyFlags('sent', 'receivedChunk'));
        expect(l.pending).toBe(0);
      }
    });

    it('with a single input gives that Link’s values, and {} without inputs', () => {
      const lone = new TestBlock();
      link(block1, lone);
      block1.send({ a: 0 });
      block1.send({ a: 1 });
      expect(lone.recvAllData()).toEqual({ a: [0, 1] });
      expect(lone.recvAllData()).toEqual({});
      expect(block1.recvAllData()).toEqual({});
    });
  });

  describe('L7 recvAllDataRaw()', () => {
    it('gives one {} per Link on empty Links, immediately or after a delay', async () => {
      expect(block3.recvAllDataRaw()).toEqual([{}, {}]);
      expect(await block3.recvAllDataRaw(null)).toEqual([{}, {}]);
      const before = performance.now();
      expect(await block3.recvAllDataRaw(1.0)).toEqual([{}, {}]);
      expect(performance.now() - before).toBeGreaterThanOrEqual(990);
    });

    it('keeps each Link’s values apart, in Link order', async () => {
      block1.send({ a: 0 });
      block2.send({ b: 1 });
      expect(block3.recvAllDataRaw()).toEqual([{ a: [0] }, { b: [1] }]);

      block1.send({ a: 0 });
      block2.send({ b: 1 });
      block2.send({ b: 2 });
      expect(block3.recvAllDataRaw()).toEqual([{ a: [0] }, { b: [1, 2] }]);

      block2.send({ b: 1 });
      block2.send({ b: 2 });
      expect(await block3.recvAllDataRaw(null)).toEqual([{}, { b: [1, 2] }]);

      block1.send({ a: 0 });
      block1.send({ b: 2 });
      block2.send({ a: 1 });
      block2.send({ b: 1 });
      block2.send({ b: 2 });
      expect(block3.recvAllDataRaw()).toEqual([
        { a: [0], b: [2] },
        { a: [1], b: [1, 2] },
      ]);

      for (const l of links()) {
        expect(l.flags).toEqual(onlyFlags('sent', 'receivedChunk'));
        expect(l.pending).toBe(0);
      }
    });

    it('gives [] without inputs', async () => {
      expect(block1.recvAllDataRaw()).toEqual([]);
      expect(await block1.recvAllDataRaw(null)).toEqual([]);
    });
  });

  describe('L12 each method uses exactly one Link method, and only dataAvailable polls', () => {
    const cases: [string, (b: TestBlock) => unknown, keyof typeof NO_FLAGS][] = [
      ['dataAvailable', (b) => b.dataAvailable(), 'polled'],
      ['recvData', (b) => b.recvData(), 'received'],
      ['recvLastData(true)', (b) => b.recvLastData(true), 'receivedLast'],
      ['recvLastData(false)', (b) => b.recvLastData(false), 'receivedLast'],
      ['recvAllData()', (b) => b.recvAllData(), 'receivedChunk'],
      ['recvAllData(null)', (b) => b.recvAllData(null), 'receivedChunk'],
      ['recvAllDataRaw()', (b) => b.recvAllDataRaw(), 'receivedChunk'],
      ['recvAllDataRaw(null)', (b) => b.recvAllDataRaw(null), 'receivedChunk'],
    ];
    for (const [name, call, flag] of cases) {
      it(`${name} calls only Link.${flag === 'polled' ? 'poll' : flag === 'received' ? 'recv' : flag === 'receivedLast' ? 'recvLast' : 'recvChunk'}`, async () => {
        // on empty Links
        await call(block3);
        for (const l of links()) expect(l.flags).toEqual(onlyFlags(flag));
        // and with data waiting
        block1.send({ a: 0 });
        block2.send({ b: 1 });
        resetFlags();
        await call(block3);
        expect(link1.flags).toEqual(onlyFlags(flag));
        // dataAvailable stops at the first Link with data
        expect(link2.flags).toEqual(flag === 'polled' ? NO_FLAGS : onlyFlags(flag));
      });
    }

    it('the timed recvAllData(delay) calls only Link.recvChunk', async () => {
      block3.clock = new TestClock(100);
      block1.send({ a: 0 });
      resetFlags();
      expect(await block3.recvAllData(1, 0.5)).toEqual({ a: [0] });
      expect(await block3.recvAllDataRaw(1, 0.5)).toEqual([{}, {}]);
      for (const l of links()) expect(l.flags).toEqual(onlyFlags('receivedChunk'));
    });
  });
});

describe('L8–L9 recvAllData with a delay, on an injected clock', () => {
  it('the default pollDelay is delay / 10: 10 sleeps of 1.0 for a delay of 10', async () => {
    for (const raw of [false, true]) {
      const block = new TestBlock();
      const clock = new TestClock(100);
      block.clock = clock;
      const result = raw ? await block.recvAllDataRaw(10) : await block.recvAllData(10);
      expect(result).toEqual(raw ? [] : {});
      expect(clock.sleeps).toHaveLength(10);
      for (const s of clock.sleeps) expectAlmost(s, 1.0);
    }
  });

  it('the last sleep is cut at the deadline: 0.4, 0.4, 0.2 for delay 1 and pollDelay 0.4', async () => {
    for (const raw of [false, true]) {
      const block = new TestBlock();
      const clock = new TestClock(100);
      block.clock = clock;
      await (raw ? block.recvAllDataRaw(1.0, 0.4) : block.recvAllData(1.0, 0.4));
      expect(clock.sleeps).toHaveLength(3);
      expectAlmost(clock.sleeps[0]!, 0.4);
      expectAlmost(clock.sleeps[1]!, 0.4);
      expectAlmost(clock.sleeps[2]!, 0.2);
    }
  });

  it('drains once more after the deadline: a message sent during the last sleep is returned', async () => {
    for (const raw of [false, true]) {
      const sender = new TestBlock();
      const block = new TestBlock();
      link(sender, block);
      const clock = new TestClock(100);
      clock.onSleep = (i) => {
        if (i === 1) sender.send({ a: 0 });
      };
      block.clock = clock;
      const result = await (raw ? block.recvAllDataRaw(1.0, 0.6) : block.recvAllData(1.0, 0.6));
      expect(clock.sleeps).toHaveLength(2);
      expectAlmost(clock.sleeps[0]!, 0.6);
      expectAlmost(clock.sleeps[1]!, 0.4);
      expect(result).toEqual(raw ? [{ a: [0] }] : { a: [0] });
    }
  });

  it('collects what arrives during the whole delay, in order', async () => {
    const sender = new TestBlock();
    const block = new TestBlock();
    link(sender, block);
    sender.send({ a: 0 });
    const clock = new TestClock(100);
    clock.onSleep = (i) => sender.send({ a: i + 1 });
    block.clock = clock;
    expect(await block.recvAllData(1.0, 0.25)).toEqual({ a: [0, 1, 2, 3, 4] });
    expect(clock.sleeps).toHaveLength(4);
  });

  it('a delay ≤ 0 is a single drain, without sleeping', async () => {
    const sender = new TestBlock();
    const block = new TestBlock();
    link(sender, block);
    const clock = new TestClock(100);
    block.clock = clock;
    sender.send({ a: 0 });
    expect(await block.recvAllData(0)).toEqual({ a: [0] });
    sender.send({ a: 1 });
    expect(await block.recvAllDataRaw(-1)).toEqual([{ a: [1] }]);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('L10 pollDelay validation', () => {
  it('rejects pollDelay ≥ 0.9 × delay or ≤ 0 before reading anything, for both methods', () => {
    const sender = new TestBlock();
    const block = new TestBlock();
    const l = new TestLink(sender, block);
    const clock = new TestClock(100);
    block.clock = clock;
    sender.send({ a: 0 });
    l.resetFlags();
    for (const pollDelay of [0.9, 1.0, 0, -0.1]) {
      expect(() => block.recvAllData(1.0, pollDelay), `recvAllData(1, ${pollDelay})`).toThrow(RangeError);
      expect(() => block.recvAllDataRaw(1.0, pollDelay), `recvAllDataRaw(1, ${pollDelay})`).toThrow(RangeError);
    }
    for (const pollDelay of [0, -0.1]) {
      expect(() => block.recvAllData(null, pollDelay), `recvAllData(null, ${pollDelay})`).toThrow(RangeError);
      expect(() => block.recvAllDataRaw(null, pollDelay), `recvAllDataRaw(null, ${pollDelay})`).toThrow(RangeError);
    }
    expect(l.flags).toEqual(NO_FLAGS);
    expect(l.pending).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('accepts a pollDelay just under 0.9 × delay, and any positive one without a delay', async () => {
    const block = new TestBlock();
    block.clock = new TestClock(100);
    await expect(block.recvAllData(1.0, 0.89)).resolves.toEqual({});
    expect(block.recvAllDataRaw(null, 5)).toEqual([]);
  });
});

describe('L11 a LinkDataError in loop()', () => {
  it('fails the run after every Link method was used, with finish() still called', async () => {
    const block = new TestBlock({
      stop: false,
      body: (b) => {
        b.send({ a: 0 });
        b.dataAvailable();
        b.recvData();
        b.send({ a: 1 });
        b.recvLastData();
        b.send({ a: 2 });
        b.recvAllData();
        b.send([0]);
      },
    });
    const self = new TestLink(block, block);
    const run = runInThread(block);
    expect(await joinRun(run)).toBe(true);

    expect(self.flags).toEqual({ polled: true, sent: true, received: true, receivedLast: true, receivedChunk: true });
    expect(eventStates(run.control)).toEqual({ start: true, stop: true, broken: false, raise: true, kbi: false });
    expect(lifecycle(block)).toEqual({ prepared: true, begun: true, looped: true, finished: true });
    expect(block.loops).toBe(1);
    expect(run.logs.map((r) => r.message).join('\n')).toMatch(/LinkDataError/);
  });
});
