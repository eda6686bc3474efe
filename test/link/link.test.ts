import { afterEach, describe, expect, it, vi } from 'vitest';
import { Block } from '../../packages/core/src/block/block.js';
import { DefinitionError, LinkDataError } from '../../packages/core/src/errors.js';
import { link } from '../../packages/core/src/block/connect.js';
import { Doorbell } from '../../packages/core/src/link/doorbell.js';
import { Link, type LinkEnd, type LinkOptions } from '../../packages/core/src/link/link.js';
import type { Message } from '../../packages/core/src/message/message.js';
import { LogLevel } from '../../packages/core/src/logging/levels.js';
import { Modifier, type ModifierResult } from '../../packages/core/src/modifier/modifier.js';
import { reset } from '../../packages/core/src/runtime/run-api.js';
import { runState } from '../../packages/core/src/block/run-state.js';
import { ControlBlock } from '../../packages/core/src/sync/control-block.js';
import { startWorker, type TestWorker } from '../sync/threads.js';

class LinkSpecSource extends Block {
  override loop(): void {}
}

class LinkSpecSink extends Block {
  override loop(): void {}
}

type LogEntry = [level: number, message: string];

/** A Link end that is not a Block: records its logs. */
function end(name: string, logs: LogEntry[] = [], stopping = true): LinkEnd & { logs: LogEntry[] } {
  return {
    name,
    logs,
    stopping,
    doorbell: Doorbell.create(),
    inputs: [],
    outputs: [],
    log: (level, message) => void logs.push([level, message]),
  };
}

function bare(options: LinkOptions = {}): Link {
  return new Link(end('sender'), end('receiver'), options);
}

/** A sender Block whose log() is replaced by a recorder. */
function loggingSource(): { block: LinkSpecSource; logs: LogEntry[] } {
  const block = new LinkSpecSource();
  const logs: LogEntry[] = [];
  block.log = (level, message) => void logs.push([Number(level), message]);
  return { block, logs };
}

function drain(l: Link): Message[] {
  const out: Message[] = [];
  while (l.poll()) out.push(l.recv());
  return out;
}

/** A small deterministic pseudo-random generator. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const workers: TestWorker[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
  reset();
});

describe('Link names', () => {
  // Must stay the first test of this file: it checks the first default name of the process.
  it('are link<N> by default, from link1, with a counter that reset() does not restart', () => {
    const first = bare();
    expect(first.name).toBe('link1');
    const named = bare({ name: 'force' });
    expect(named.name).toBe('force');
    const a = link(new LinkSpecSource(), new LinkSpecSink());
    const b = link(new LinkSpecSource(), new LinkSpecSink());
    const na = Number(/^link(\d+)$/.exec(a.name)?.[1]);
    expect(na).toBeGreaterThan(1);
    expect(b.name).toBe(`link${na + 1}`);
    reset();
    const c = bare();
    expect(c.name).toBe(`link${na + 2}`);
  });
});

describe('link() options', () => {
  const source = (): LinkSpecSource => new LinkSpecSource();
  const sink = (): LinkSpecSink => new LinkSpecSink();

  it('refuses a capacity that is not a positive integer (RangeError naming capacity)', () => {
    for (const capacity of [0, -1, 1.5, NaN, Infinity, '10']) {
      expect(() => link(source(), sink(), { capacity: capacity as number }), String(capacity)).toThrow(RangeError);
      expect(() => link(source(), sink(), { capacity: capacity as number })).toThrow(/capacity/);
    }
  });

  it("refuses a whenFull other than 'drop' or 'block' (RangeError naming whenFull)", () => {
    for (const whenFull of ['wait', '', 'DROP', null, 1]) {
      expect(() => link(source(), sink(), { whenFull: whenFull as 'drop' }), String(whenFull)).toThrow(RangeError);
      expect(() => link(source(), sink(), { whenFull: whenFull as 'drop' })).toThrow(/whenFull/);
    }
  });

  it('refuses a bufferSize that is not an integer of at least 64 (RangeError naming bufferSize)', () => {
    for (const bufferSize of [63, 0, -64, 100.5, NaN, '1024']) {
      expect(() => link(source(), sink(), { bufferSize: bufferSize as number }), String(bufferSize)).toThrow(RangeError);
      expect(() => link(source(), sink(), { bufferSize: bufferSize as number })).toThrow(/bufferSize/);
    }
  });

  it('refuses a modifier that is neither a function nor a Modifier (TypeError naming modifier)', () => {
    for (const modifier of [42, 'double', {}, { call: 1 }, true]) {
      expect(() => link(source(), sink(), { modifier: modifier as never }), JSON.stringify(modifier)).toThrow(TypeError);
      expect(() => link(source(), sink(), { modifier: modifier as never })).toThrow(/modifier/);
    }
    expect(() => link(source(), sink(), { modifier: [(d: Message) => d, 3] as never })).toThrow(/modifier #1/);
  });

  it('refuses a name that is not a string, and options that are not an object', () => {
    expect(() => link(source(), sink(), { name: 42 as unknown as string })).toThrow(TypeError);
    expect(() => link(source(), sink(), { name: 42 as unknown as string })).toThrow(/name/);
    expect(() => link(source(), sink(), null as unknown as LinkOptions)).toThrow(/options/);
    expect(() => link(source(), sink(), 'fast' as unknown as LinkOptions)).toThrow(TypeError);
  });

  it('refuses ends that are not Blocks', () => {
    expect(() => link({} as Block, sink())).toThrow(/sender/);
    expect(() => link(source(), null as unknown as Block)).toThrow(/receiver/);
    expect(() => link(source(), sink())).not.toThrow();
  });

  it('does not register a Link whose options are invalid', () => {
    const a = source();
    const before = runState.links.length;
    expect(() => link(a, sink(), { capacity: 0 })).toThrow();
    expect(runState.links.length).toBe(before);
    expect(a.outputs).toEqual([]);
  });

  it('accepts valid options and has sensible defaults', () => {
    const a = source();
    const b = sink();
    const l = link(a, b);
    expect(l.capacity).toBe(10_000);
    expect(l.whenFull).toBe('drop');
    expect(l.bufferSize).toBeGreaterThanOrEqual(1 << 20);
    expect(l.modifiers).toEqual([]);
    expect(a.outputs).toEqual([l]);
    expect(b.inputs).toEqual([l]);
    expect(runState.links).toContain(l);
    expect(l.sender).toBe(a);
    expect(l.receiver).toBe(b);

    const f = (d: Message): Message => d;
    const custom = link(a, b, { capacity: 1, whenFull: 'block', bufferSize: 64, modifier: f, name: 'custom' });
    expect(custom).toMatchObject({ capacity: 1, whenFull: 'block', bufferSize: 64, name: 'custom' });
    expect(custom.modifiers).toEqual([f]);
    expect(link(a, b, { modifier: null as never }).modifiers).toEqual([]);
    expect(a.outputs).toHaveLength(3);
  });

  it('lets a Block be linked to itself', () => {
    const a = source();
    const l = link(a, a);
    a.send({ x: 1 });
    expect(a.recvData()).toEqual({ x: 1 });
    expect(l.pending).toBe(0);
  });
});

describe('Link delivery', () => {
  it('delivers messages in order, each as a new object', () => {
    const l = bare();
    const sent = [{ a: 1 }, { a: 2, b: 'x' }, { a: 3 }];
    for (const m of sent) l.send(m);
    expect(l.pending).toBe(3);
    const got = drain(l);
    expect(got).toEqual(sent);
    got.forEach((m, i) => expect(m).not.toBe(sent[i]));
    expect(l.stats).toEqual({ sent: 3, dropped: 0, received: 3 });
  });

  it('sends the values as they were at send time', () => {
    const l = bare();
    const message = { list: [1, 2], nested: { k: 'v' }, data: Float64Array.of(1) };
    l.send(message);
    message.list.push(3);
    message.nested.k = 'changed';
    message.data[0] = 99;
    expect(l.recv()).toEqual({ list: [1, 2], nested: { k: 'v' }, data: Float64Array.of(1) });
  });

  it('gives every receiver its own copy', () => {
    const a = new LinkSpecSource();
    const l1 = link(a, new LinkSpecSink());
    const l2 = link(a, new LinkSpecSink());
    a.send({ arr: [1, 2, 3] });
    const m1 = l1.recv();
    const m2 = l2.recv();
    expect(m1).toEqual({ arr: [1, 2, 3] });
    expect(m2).toEqual(m1);
    (m1.arr as number[]).push(4);
    expect(m2).toEqual({ arr: [1, 2, 3] });
  });

  it('throws LinkDataError naming the Link for a value it cannot carry, and writes nothing', () => {
    const l = bare({ name: 'carrier' });
    expect(() => l.send({ when: new Date() as never })).toThrow(LinkDataError);
    expect(() => l.send({ when: new Date() as never })).toThrow(/carrier.*'when'|'when'.*carrier/);
    expect(() => l.send({ f: (() => 1) as never })).toThrow(LinkDataError);
    expect(() => l.send({ m: new Map() as never })).toThrow(LinkDataError);
    expect(l.pending).toBe(0);
    expect(l.stats).toEqual({ sent: 0, dropped: 0, received: 0 });
    l.send({ when: 1 });
    expect(l.recv()).toEqual({ when: 1 });
  });

  it('throws LinkDataError for a message that is not a plain object', () => {
    const l = bare({ name: 'plain' });
    expect(() => l.send([1, 2] as never)).toThrow(LinkDataError);
    expect(() => l.send(new Date() as never)).toThrow(/plain/);
  });

  it('carries large typed arrays through the default buffer', () => {
    const l = bare();
    const big = Float64Array.from({ length: 50_000 }, (_, i) => i / 3);
    l.send({ big });
    expect(l.recv()).toEqual({ big });
  });

  it('throws LinkDataError for a message larger than its buffer allows, and stays usable', () => {
    const l = bare({ bufferSize: 1024, name: 'small' });
    expect(() => l.send({ text: 'x'.repeat(2000) })).toThrow(LinkDataError);
    expect(() => l.send({ text: 'x'.repeat(2000) })).toThrow(/small.*bufferSize/);
    expect(l.stats.sent).toBe(0);
    l.send({ text: 'ok' });
    expect(l.recv()).toEqual({ text: 'ok' });
  });

  it('never silently drops from an empty Link: a message is delivered, or refused as too large', () => {
    const l = bare({ bufferSize: 1024 });
    let refusals = 0;
    // Move the (empty) ring's position around the buffer, then send messages of many sizes.
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i <= round % 7; i++) {
        l.send({ pad: 'p'.repeat(40 + round) });
        l.recv();
      }
      for (const size of [100, 300, 480, 600, 800, 1000]) {
        const message = { text: 'y'.repeat(size) };
        try {
          l.send(message);
        } catch (error) {
          expect(error).toBeInstanceOf(LinkDataError);
          expect(size, 'a 1024-byte buffer carries messages of 480 characters').toBeGreaterThan(480);
          refusals++;
          continue;
        }
        expect(l.stats.dropped, `round ${round}, ${size} characters`).toBe(0);
        expect(l.recv()).toEqual(message);
      }
    }
    expect(refusals).toBeGreaterThan(0);
  });
});

describe('recv, recvLast, recvChunk and poll', () => {
  it('give {} and false on an empty Link', () => {
    const l = bare();
    expect(l.poll()).toBe(false);
    expect(l.recv()).toEqual({});
    expect(l.recvLast()).toEqual({});
    expect(l.recvChunk()).toEqual({});
    expect(l.pending).toBe(0);
  });

  it('recv() takes the oldest, poll() tells whether one waits', () => {
    const l = bare();
    l.send({ n: 1 });
    l.send({ n: 2 });
    expect(l.poll()).toBe(true);
    expect(l.recv()).toEqual({ n: 1 });
    expect(l.poll()).toBe(true);
    expect(l.recv()).toEqual({ n: 2 });
    expect(l.poll()).toBe(false);
  });

  it('recvLast() takes everything and returns the newest', () => {
    const l = bare();
    for (let n = 1; n <= 5; n++) l.send({ n });
    expect(l.recvLast()).toEqual({ n: 5 });
    expect(l.pending).toBe(0);
    expect(l.recvLast()).toEqual({});
    expect(l.stats.received).toBe(5);
  });

  it('recvLast() learns the shapes defined by the messages it skips', () => {
    const l = bare();
    l.send({ a: 1 });
    l.send({ b: 1, c: 'x' });
    l.send({ a: 2 });
    expect(l.recvLast()).toEqual({ a: 2 });
    // Same labels as a skipped message: sent without its labels, must still decode.
    l.send({ b: 2, c: 'y' });
    expect(l.recv()).toEqual({ b: 2, c: 'y' });
  });

  it('recvChunk() takes everything as lists per label, appending to `into`', () => {
    const l = bare();
    l.send({ t: 1, a: 'x' });
    l.send({ t: 2 });
    l.send({ t: 3, b: [1, 2] });
    expect(l.recvChunk()).toEqual({ t: [1, 2, 3], a: ['x'], b: [[1, 2]] });
    expect(l.pending).toBe(0);
    const into = { t: [0] as unknown[] };
    l.send({ t: 4 });
    expect(l.recvChunk(into)).toBe(into);
    expect(into).toEqual({ t: [0, 4] });
    expect(l.recvChunk()).toEqual({});
  });

  it('agree with a simple queue model over thousands of mixed operations across wraps of a small buffer', () => {
    const l = bare({ bufferSize: 256, capacity: 6 });
    const next = prng(7);
    const queue: Message[] = [];
    const shapes = [['t(s)', 'F(N)'], ['t(s)', 'x(mm)', 'label'], ['cmd'], ['t(s)', 'F(N)', 'big']];
    let sent = 0;
    let dropped = 0;
    for (let step = 0; step < 6000; step++) {
      const op = next();
      if (op < 0.55) {
        const keys = shapes[Math.floor(next() * shapes.length)]!;
        const message: Message = {};
        for (const key of keys) message[key] = key === 'label' || key === 'big' ? 's'.repeat(Math.floor(next() * 60)) : step + next();
        const before = l.stats.dropped;
        l.send(message);
        if (l.stats.dropped === before) {
          queue.push(message);
          sent++;
        } else {
          dropped++;
        }
      } else if (op < 0.75) {
        expect(l.recv()).toEqual(queue.shift() ?? {});
      } else if (op < 0.85) {
        expect(l.recvLast()).toEqual(queue.at(-1) ?? {});
        queue.length = 0;
      } else if (op < 0.95) {
        const expected: Record<string, unknown[]> = {};
        for (const m of queue) for (const [k, v] of Object.entries(m)) (expected[k] ??= []).push(v);
        expect(l.recvChunk()).toEqual(expected);
        queue.length = 0;
      } else {
        expect(l.poll()).toBe(queue.length > 0);
      }
      expect(l.pending).toBe(queue.length);
    }
    expect(l.stats).toMatchObject({ sent, dropped });
    // The buffer was wrapped many times over.
    expect(sent * 24).toBeGreaterThan(256 * 20);
    expect(dropped).toBeGreaterThan(0);
  });
});

describe('modifiers', () => {
  it('a function modifier changes what this Link sends', () => {
    const l = bare({ modifier: (d) => ({ ...d, x: (d.x as number) * 2 }) });
    l.send({ x: 21, y: 'kept' });
    expect(l.recv()).toEqual({ x: 42, y: 'kept' });
  });

  it('a Modifier subclass is called through call(), keeping its state', () => {
    class CountingSpecModifier extends Modifier {
      n = 0;
      override call(data: Message): ModifierResult {
        this.n += 1;
        data.index = this.n;
        return data;
      }
    }
    const modifier = new CountingSpecModifier();
    const l = bare({ modifier });
    l.send({ v: 'a' });
    l.send({ v: 'b' });
    expect(drain(l)).toEqual([{ v: 'a', index: 1 }, { v: 'b', index: 2 }]);
    expect(modifier.n).toBe(2);
  });

  it('an object with a call() method works too', () => {
    const l = bare({ modifier: { call: (d: Message) => ({ ...d, seen: true }) } as never });
    l.send({ v: 1 });
    expect(l.recv()).toEqual({ v: 1, seen: true });
  });

  it('a list of modifiers is applied in order', () => {
    const add = (d: Message): Message => ({ x: (d.x as number) + 1 });
    const times = (d: Message): Message => ({ x: (d.x as number) * 10 });
    const l1 = bare({ modifier: [add, times] });
    const l2 = bare({ modifier: [times, add] });
    l1.send({ x: 2 });
    l2.send({ x: 2 });
    expect(l1.recv()).toEqual({ x: 30 });
    expect(l2.recv()).toEqual({ x: 21 });
  });

  it('runs on a deep copy: the original and the other Links are unaffected', () => {
    const a = new LinkSpecSource();
    let seen: Message | null = null;
    const mutate = (d: Message): Message => {
      seen = d;
      d.x = -1;
      (d.list as number[]).push(99);
      (d.data as Float64Array)[0] = 99;
      (d.nested as { k: string[] }).k.push('changed');
      delete d.gone;
      return d;
    };
    const modified = link(a, new LinkSpecSink(), { modifier: mutate });
    const plain = link(a, new LinkSpecSink());
    const original = { x: 1, list: [1, 2], data: Float64Array.of(1, 2), nested: { k: ['v'] }, gone: true };
    a.send(original);
    expect(seen).not.toBe(original);
    expect(original).toEqual({ x: 1, list: [1, 2], data: Float64Array.of(1, 2), nested: { k: ['v'] }, gone: true });
    expect(modified.recv()).toEqual({ x: -1, list: [1, 2, 99], data: Float64Array.of(99, 2), nested: { k: ['v', 'changed'] } });
    expect(plain.recv()).toEqual(original);
  });

  it('a modifier returning null or undefined drops the message for its Link only, and stops the chain', () => {
    const a = new LinkSpecSource();
    const after = vi.fn((d: Message) => d);
    const evens = link(a, new LinkSpecSink(), { modifier: [(d) => ((d.i as number) % 2 === 0 ? d : null), after] });
    const thirds = link(a, new LinkSpecSink(), { modifier: (d) => ((d.i as number) % 3 === 0 ? d : undefined) });
    const all = link(a, new LinkSpecSink());
    for (let i = 0; i < 7; i++) a.send({ i });
    expect(drain(evens)).toEqual([{ i: 0 }, { i: 2 }, { i: 4 }, { i: 6 }]);
    expect(after).toHaveBeenCalledTimes(4);
    expect(drain(thirds)).toEqual([{ i: 0 }, { i: 3 }, { i: 6 }]);
    expect(drain(all)).toHaveLength(7);
    // Filtering is not a drop for lack of room.
    expect(evens.stats).toMatchObject({ sent: 4, dropped: 0 });
    expect(thirds.stats).toMatchObject({ sent: 3, dropped: 0 });
  });

  it('a modifier returning something else than an object throws LinkDataError naming the Link', () => {
    for (const result of [42, 'text', true, [1, 2], new Date()]) {
      const l = bare({ name: 'modified', modifier: () => result as never });
      expect(() => l.send({ x: 1 }), String(result)).toThrow(LinkDataError);
      expect(() => l.send({ x: 1 })).toThrow(/modified/);
      expect(l.pending).toBe(0);
    }
  });

  it('a Modifier subclass defining evaluate() is a DefinitionError', () => {
    class OldStyleSpecModifier extends Modifier {
      evaluate(data: Message): Message {
        return data;
      }
      override call(data: Message): ModifierResult {
        return data;
      }
    }
    expect(() => new OldStyleSpecModifier()).toThrow(DefinitionError);
    expect(() => new OldStyleSpecModifier()).toThrow(/evaluate/);
  });
});

describe("a full Link under 'drop'", () => {
  it('drops the new message, keeps the old ones and counts the drops', () => {
    const { block, logs } = loggingSource();
    const l = link(block, new LinkSpecSink(), { capacity: 3 });
    for (let i = 0; i < 5; i++) block.send({ i });
    expect(l.stats).toEqual({ sent: 3, dropped: 2, received: 0 });
    expect(drain(l)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    block.send({ i: 5 });
    expect(drain(l)).toEqual([{ i: 5 }]);
    expect(l.stats).toEqual({ sent: 4, dropped: 2, received: 4 });
    expect(logs.every(([level]) => level === LogLevel.WARNING)).toBe(true);
  });

  it('warns at most once a second, counting from the creation of the Link', () => {
    let now = 5_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const { block, logs } = loggingSource();
    const receiver = new LinkSpecSink();
    const l = link(block, receiver, { capacity: 1 });
    const warnings = (): string[] => logs.filter(([level]) => level === LogLevel.WARNING).map(([, m]) => m);

    block.send({ i: 0 });
    now += 500;
    block.send({ i: 1 });
    expect(warnings()).toEqual([]);
    now += 700; // 1.2 s after creation
    for (let i = 0; i < 10; i++) block.send({ i });
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('Cannot send the values, the Link is full !');
    expect(warnings()[0]).toContain(l.name);
    now += 700; // 0.7 s after the warning
    block.send({ i: 11 });
    expect(warnings()).toHaveLength(1);
    now += 400; // 1.1 s after the warning
    block.send({ i: 12 });
    block.send({ i: 13 });
    expect(warnings()).toHaveLength(2);
    expect(l.stats).toEqual({ sent: 1, dropped: 14, received: 0 });
    expect(logs.every(([level]) => level === LogLevel.WARNING)).toBe(true);
  });

  it('in real time, many drops give no more warnings than elapsed seconds allow', () => {
    const { block, logs } = loggingSource();
    const l = link(block, new LinkSpecSink(), { capacity: 1 });
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) block.send({ i });
    const elapsed = (performance.now() - started) / 1000;
    expect(l.stats.dropped).toBe(19_999);
    expect(logs.length).toBeLessThanOrEqual(Math.floor(elapsed) + 1);
  });

  it('a message with new labels after a dropped one still decodes', () => {
    const l = bare({ capacity: 1 });
    l.send({ a: 1 });
    l.send({ b: 1 }); // dropped: full
    expect(l.stats.dropped).toBe(1);
    expect(l.recv()).toEqual({ a: 1 });
    l.send({ c: 1 });
    expect(l.recv()).toEqual({ c: 1 });
    l.send({ b: 2 });
    expect(l.recv()).toEqual({ b: 2 });
    l.send({ b: 3 });
    expect(l.recv()).toEqual({ b: 3 });
    l.send({ c: 2 });
    expect(l.recv()).toEqual({ c: 2 });
    l.send({ a: 2 });
    expect(l.recv()).toEqual({ a: 2 });
  });
});

describe("a full Link under 'block'", () => {
  it('with no run attached, does not hang: it drops like a full Link', () => {
    const { block, logs } = loggingSource();
    const l = link(block, new LinkSpecSink(), { capacity: 2, whenFull: 'block' });
    for (let i = 0; i < 5; i++) block.send({ i });
    expect(l.stats).toMatchObject({ sent: 2, dropped: 3 });
    expect(drain(l)).toEqual([{ i: 0 }, { i: 1 }]);
    expect(logs.every(([level]) => level === LogLevel.WARNING)).toBe(true);
  });

  it('a blocked sender gives up (and drops) once the run stops', async () => {
    const control = ControlBlock.create(2, 0);
    const sender = new LinkSpecSource();
    sender.attachRun(control);
    const l = link(sender, new LinkSpecSink(), { capacity: 2, whenFull: 'block' });
    sender.send({ i: 0 });
    sender.send({ i: 1 });
    const stopper = startWorker(
      `const control = new core.ControlBlock(workerData.control);
       post('ready');
       sleepMs(50);
       control.stop.set();`,
      { control: control.buffer },
    );
    workers.push(stopper);
    await stopper.next();
    sender.send({ i: 2 }); // blocks this thread until the worker sets stop
    expect(control.stop.isSet()).toBe(true);
    expect(l.stats).toMatchObject({ sent: 2, dropped: 1 });
    expect(drain(l)).toEqual([{ i: 0 }, { i: 1 }]);
  });

  it('with a slow receiver in another thread, loses nothing and keeps the order', async () => {
    const total = 400;
    const control = ControlBlock.create(2, 0);
    const sender = new LinkSpecSource();
    sender.attachRun(control);
    const l = link(sender, new LinkSpecSink(), { capacity: 8, whenFull: 'block', bufferSize: 512 });
    const message = (i: number): Message =>
      i % 37 === 5
        ? { i, other: 'o'.repeat(i % 50), [`only${i % 3}`]: true }
        : { i, 't(s)': i / 100, name: `m${i}`, data: Float64Array.of(i, -i) };

    // The receiving end: a Link over the same buffer in a worker, reading slowly.
    // If it fails or times out, it sets stop so that the blocked sender gives up instead of hanging.
    const reader = startWorker(
      `const control = new core.ControlBlock(workerData.control);
       const end = { name: 'reader', log() {}, stopping: false, doorbell: new core.Doorbell(new SharedArrayBuffer(8)), inputs: [], outputs: [] };
       try {
         const link = new core.Link(end, end, { capacity: 8, bufferSize: 512 });
         link.attach(workerData.ring);
         post('ready');
         const got = [];
         const deadline = Date.now() + 60_000;
         while (got.length < workerData.total) {
           if (Date.now() > deadline) throw new Error('timed out after ' + got.length + ' messages');
           if (!link.poll()) { sleepMs(1); continue; }
           got.push(link.recv());
           if (got.length % 4 === 0) sleepMs(2);
         }
         post({ got, stats: link.stats });
       } catch (error) {
         control.stop.set();
         post({ error: String(error) });
       }`,
      { ring: l.buffer, control: control.buffer, total },
    );
    workers.push(reader);
    await reader.next((m) => m === 'ready');

    let maxPending = 0;
    for (let i = 0; i < total; i++) {
      maxPending = Math.max(maxPending, l.pending);
      sender.send(message(i));
    }
    const result = (await reader.next((m) => typeof m === 'object')) as { got?: Message[]; error?: string; stats?: unknown };
    expect(result.error).toBeUndefined();
    expect(control.stop.isSet()).toBe(false);
    expect(result.got).toHaveLength(total);
    expect(result.got).toEqual(Array.from({ length: total }, (_, i) => message(i)));
    expect(l.stats).toEqual({ sent: total, dropped: 0, received: total });
    // The sender did find the Link full (and waited) along the way.
    expect(maxPending).toBe(8);
  });
});
