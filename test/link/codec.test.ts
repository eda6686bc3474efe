import { describe, expect, it } from 'vitest';
import { LinkDataError } from '../../packages/core/src/errors.js';
import { MessageDecoder, MessageEncoder } from '../../packages/core/src/link/codec.js';
import { RingBuffer, RingWriter } from '../../packages/core/src/link/ring-buffer.js';
import type { Message } from '../../packages/core/src/message/message.js';

const LINK = 'codec-link';

/** Encodes `message`, and returns a copy of its bytes placed at `offset` of a larger buffer. */
function encodeAt(encoder: MessageEncoder, message: Message, offset = 0, commit = true): { bytes: Uint8Array; view: DataView; length: number } {
  const length = encoder.encode(message, LINK);
  if (commit) encoder.commit();
  const bytes = new Uint8Array(offset + length + 16).fill(0xee);
  bytes.set(encoder.bytes.subarray(0, length), offset);
  return { bytes, view: new DataView(bytes.buffer), length };
}

/** One encoder/decoder pair, as the two ends of a Link. */
function pair(): { send(message: Message, offset?: number): Message; encoder: MessageEncoder; decoder: MessageDecoder } {
  const encoder = new MessageEncoder();
  const decoder = new MessageDecoder();
  return {
    encoder,
    decoder,
    send(message, offset = 0) {
      const { bytes, view } = encodeAt(encoder, message, offset);
      return decoder.decode(bytes, view, offset);
    },
  };
}

function roundTrip(message: Message, offset = 0): Message {
  return pair().send(message, offset);
}

function bytesOf(encoder: MessageEncoder, length: number): string {
  return Buffer.from(encoder.bytes.subarray(0, length)).toString('latin1');
}

describe('codec: values', () => {
  it('round-trips numbers exactly, NaN, -0 and infinities included', () => {
    const numbers = [0, -0, 1, -1, 0.1 + 0.2, Math.PI, 1e-300, -1e300, NaN, Infinity, -Infinity,
      Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53 + 2];
    const message: Message = {};
    numbers.forEach((n, i) => (message[`n${i}`] = n));
    for (const offset of [0, 3, 13]) {
      const back = roundTrip(message, offset);
      numbers.forEach((n, i) => expect(Object.is(back[`n${i}`], n), `n${i} = ${n} at offset ${offset}`).toBe(true));
    }
  });

  it('round-trips strings, unicode included', () => {
    const strings = ['', 'a', 'plain ascii', 'é', 'température', 'ε(%)', '日本語のテキスト', '👍🏽 emoji 🧪', 'a\u0000b',
      'x'.repeat(23), 'x'.repeat(24), `${'x'.repeat(22)}é`, 'é'.repeat(30), '\u{10FFFF}', 'z'.repeat(100_000), '\n\t"\'\\'];
    const message: Message = {};
    strings.forEach((s, i) => (message[`s${i}`] = s));
    expect(roundTrip(message, 5)).toEqual(message);
  });

  it('round-trips booleans, null and undefined, keeping the label of an undefined value', () => {
    const back = roundTrip({ yes: true, no: false, nothing: null, missing: undefined });
    expect(back).toStrictEqual({ yes: true, no: false, nothing: null, missing: undefined });
    expect(Object.keys(back)).toEqual(['yes', 'no', 'nothing', 'missing']);
  });

  it('round-trips nested arrays of mixed values', () => {
    const message: Message = {
      empty: [],
      flat: [1, 2, 3],
      nested: [[1, [2, [3, [4, []]]]], ['x', null, true, false, undefined], [NaN]],
      matrix: [[1, 2], [3, 4]],
      long: Array.from({ length: 5000 }, (_, i) => i * 0.5),
    };
    const back = roundTrip(message);
    expect(back).toStrictEqual(message);
  });

  const typedSamples = [
    Int8Array.of(-128, -1, 0, 1, 127),
    Uint8Array.of(0, 1, 254, 255),
    Uint8ClampedArray.of(0, 128, 255),
    Int16Array.of(-32768, -1, 0, 32767),
    Uint16Array.of(0, 65535, 1234),
    Int32Array.of(-(2 ** 31), -1, 0, 2 ** 31 - 1),
    Uint32Array.of(0, 2 ** 32 - 1, 123456789),
    Float32Array.of(1.5, -0, NaN, Infinity, 3.4028234663852886e38),
    Float64Array.of(Math.PI, -0, NaN, -Infinity, Number.MIN_VALUE),
    BigInt64Array.of(-(2n ** 63n), -1n, 0n, 2n ** 63n - 1n),
    BigUint64Array.of(0n, 2n ** 64n - 1n, 42n),
  ];

  for (const sample of typedSamples) {
    it(`round-trips a ${sample.constructor.name}, as the same kind, with its exact bits`, () => {
      const back = roundTrip({ stream: sample, empty: new (sample.constructor as Float64ArrayConstructor)(0) }, 7);
      expect(back.stream).toBeInstanceOf(sample.constructor);
      expect(back.empty).toBeInstanceOf(sample.constructor);
      expect((back.empty as Float64Array).length).toBe(0);
      const got = back.stream as typeof sample;
      expect(got.length).toBe(sample.length);
      expect(Buffer.from(got.buffer, got.byteOffset, got.byteLength)).toEqual(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength));
    });
  }

  it('round-trips typed arrays that are views at an offset, or over shared memory, as arrays of their own', () => {
    const base = Float64Array.from({ length: 10 }, (_, i) => i);
    const view = base.subarray(3, 7);
    const shared = new Int16Array(new SharedArrayBuffer(16)).fill(-7);
    const bytes = new Uint8Array([9, 8, 7, 6, 5]).subarray(1, 4);
    const back = roundTrip({ view, shared, bytes });
    expect(back.view).toEqual(Float64Array.of(3, 4, 5, 6));
    expect((back.view as Float64Array).buffer).not.toBe(base.buffer);
    expect(back.shared).toEqual(new Int16Array(8).fill(-7));
    expect(back.bytes).toEqual(Uint8Array.of(8, 7, 6));
  });

  it('carries a Node Buffer as a Uint8Array with the same bytes', () => {
    const back = roundTrip({ data: Buffer.from('héllo') });
    expect(back.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back.data as Uint8Array).toString()).toBe('héllo');
  });

  it('round-trips nested plain objects, null-prototype ones included', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.k = 'v';
    const message: Message = {
      empty: {},
      deep: { a: { b: { c: [1, { d: 'e', f: Float32Array.of(0.5) }] } } },
      bare: bare as Message[string],
      list: [{ x: 1 }, { y: [true] }],
    };
    const back = roundTrip(message);
    expect(back).toEqual({
      empty: {},
      deep: { a: { b: { c: [1, { d: 'e', f: Float32Array.of(0.5) }] } } },
      bare: { k: 'v' },
      list: [{ x: 1 }, { y: [true] }],
    });
  });

  it('round-trips the empty message and keeps the order of labels, unicode ones included', () => {
    expect(roundTrip({})).toEqual({});
    const message: Message = { 't(s)': 1, 'F(N)': 2, 'ε(%)': 3, 'température(°C)': 4, 'z': 5, 'a': 6 };
    const back = roundTrip(message);
    expect(back).toEqual(message);
    expect(Object.keys(back)).toEqual(Object.keys(message));
  });

  it('grows its scratch buffer for large messages', () => {
    const big = Float64Array.from({ length: 200_000 }, (_, i) => Math.sin(i));
    const back = roundTrip({ big, text: 'é'.repeat(50_000) });
    expect(back.big).toEqual(big);
    expect(back.text).toBe('é'.repeat(50_000));
  });
});

describe('codec: unsupported values', () => {
  class Point {
    constructor(public x = 1) {}
  }
  const cases: [string, unknown][] = [
    ['a Date', new Date(0)],
    ['a function', () => 1],
    ['a Map', new Map([[1, 2]])],
    ['a Set', new Set([1])],
    ['a RegExp', /x/],
    ['a class instance', new Point()],
    ['a bigint', 1n],
    ['a symbol', Symbol('s')],
    ['a DataView', new DataView(new ArrayBuffer(4))],
    ['an ArrayBuffer', new ArrayBuffer(4)],
    ['a Promise', Promise.resolve(1)],
  ];

  for (const [what, value] of cases) {
    it(`throws LinkDataError naming the label and the Link for ${what}`, () => {
      const encoder = new MessageEncoder();
      let error: unknown;
      try {
        encoder.encode({ 't(s)': 1, 'bad label': value as Message[string] }, 'my-link');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LinkDataError);
      expect(error).toBeInstanceOf(RangeError);
      expect((error as Error).message).toContain("'bad label'");
      expect((error as Error).message).toContain('my-link');
    });
  }

  it('names the top-level label when the bad value is nested in arrays and objects', () => {
    const encoder = new MessageEncoder();
    expect(() => encoder.encode({ ok: 1, outer: [1, { inner: [new Date()] }] as Message[string] }, 'L')).toThrow(/'outer'.*Date|Date.*'outer'/);
    expect(() => encoder.encode({ outer2: { a: { b: new Map() } } as unknown as Message[string] }, 'L')).toThrow(LinkDataError);
  });

  it('a failed encoding leaves the encoder usable, its shapes consistent', () => {
    const { encoder, send } = pair();
    expect(send({ a: 1 })).toEqual({ a: 1 });
    expect(() => encoder.encode({ b: new Date() as unknown as Message[string] }, LINK)).toThrow(LinkDataError);
    expect(() => encoder.encode({ a: (() => 0) as unknown as Message[string] }, LINK)).toThrow(LinkDataError);
    expect(send({ b: 2 })).toEqual({ b: 2 });
    expect(send({ a: 3 })).toEqual({ a: 3 });
  });
});

describe('codec: shapes', () => {
  it('a message with the labels of a known shape carries no label text', () => {
    const { encoder, decoder } = pair();
    const first = encodeAt(encoder, { 't(s)': 1, 'F(N)': 2 });
    const firstBytes = bytesOf(encoder, first.length);
    const second = encodeAt(encoder, { 't(s)': 3, 'F(N)': 4 });
    const secondBytes = bytesOf(encoder, second.length);
    expect(firstBytes).toContain('F(N)');
    expect(secondBytes).not.toContain('F(N)');
    expect(second.length).toBeLessThan(first.length);
    expect(decoder.decode(first.bytes, first.view, 0)).toEqual({ 't(s)': 1, 'F(N)': 2 });
    expect(decoder.decode(second.bytes, second.view, 0)).toEqual({ 't(s)': 3, 'F(N)': 4 });
  });

  it('reuses every known shape, not only the last one', () => {
    const { encoder, decoder, send } = pair();
    const definingA = encodeAt(encoder, { x: 1, y: 2 });
    expect(decoder.decode(definingA.bytes, definingA.view, 0)).toEqual({ x: 1, y: 2 });
    expect(send({ u: 'p', v: 'q' })).toEqual({ u: 'p', v: 'q' });
    // Back to the first labels: shaped again, shorter than its definition.
    const shapedA = encodeAt(encoder, { x: 5, y: 6 });
    expect(shapedA.length).toBeLessThan(definingA.length);
    expect(decoder.decode(shapedA.bytes, shapedA.view, 0)).toEqual({ x: 5, y: 6 });
    for (let i = 0; i < 10; i++) {
      expect(send({ x: i, y: -i })).toEqual({ x: i, y: -i });
      expect(send({ u: `${i}`, v: 'q' })).toEqual({ u: `${i}`, v: 'q' });
    }
  });

  it('the same labels in another order are another shape, and the order is kept', () => {
    const { send } = pair();
    const one = send({ a: 1, b: 2 });
    const two = send({ b: 3, a: 4 });
    const three = send({ a: 5, b: 6 });
    expect(Object.keys(one)).toEqual(['a', 'b']);
    expect(Object.keys(two)).toEqual(['b', 'a']);
    expect(two).toEqual({ a: 4, b: 3 });
    expect(Object.keys(three)).toEqual(['a', 'b']);
  });

  it('a subset or a superset of the last labels is a new shape', () => {
    const { send } = pair();
    expect(send({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(send({ a: 1 })).toEqual({ a: 1 });
    expect(send({ a: 1, b: 2, c: 3 })).toEqual({ a: 1, b: 2, c: 3 });
    expect(send({ a: 7, b: 8 })).toEqual({ a: 7, b: 8 });
  });

  it('a decoder that missed the definition of a shape refuses its messages', () => {
    const encoder = new MessageEncoder();
    encodeAt(encoder, { a: 1 });
    const shaped = encodeAt(encoder, { a: 2 });
    expect(() => new MessageDecoder().decode(shaped.bytes, shaped.view, 0)).toThrow(/shape/);
  });

  it('a shape is only remembered once its definition was delivered (commit)', () => {
    const { encoder, decoder } = pair();
    // The first message with new labels is dropped: it never reaches the decoder.
    const dropped = encodeAt(encoder, { k: 1 }, 0, false);
    // The next one with the same labels defines the shape again.
    const retried = encodeAt(encoder, { k: 2 });
    expect(retried.length).toBe(dropped.length);
    expect(bytesOf(encoder, retried.length)).toContain('k');
    expect(decoder.decode(retried.bytes, retried.view, 0)).toEqual({ k: 2 });
  });

  it('a message with new labels after a dropped one still decodes correctly', () => {
    const { encoder, decoder } = pair();
    const deliver = (message: Message): Message => {
      const { bytes, view } = encodeAt(encoder, message);
      return decoder.decode(bytes, view, 0);
    };
    expect(deliver({ a: 1 })).toEqual({ a: 1 });
    encodeAt(encoder, { b: 1 }, 0, false); // dropped: the ring was full
    expect(deliver({ c: 1 })).toEqual({ c: 1 });
    expect(deliver({ b: 2 })).toEqual({ b: 2 });
    expect(deliver({ c: 2 })).toEqual({ c: 2 });
    expect(deliver({ a: 2 })).toEqual({ a: 2 });
    encodeAt(encoder, { d: 1, e: 1 }, 0, false); // dropped
    encodeAt(encoder, { d: 2, e: 2 }, 0, false); // dropped again
    expect(deliver({ b: 3 })).toEqual({ b: 3 });
    expect(deliver({ d: 3, e: 3 })).toEqual({ d: 3, e: 3 });
    expect(deliver({ d: 4, e: 4 })).toEqual({ d: 4, e: 4 });
  });

  it('skip() learns shapes from records whose values are not wanted', () => {
    const encoder = new MessageEncoder();
    const decoder = new MessageDecoder();
    const define = encodeAt(encoder, { p: 1, q: 2 });
    decoder.skip(define.bytes, define.view, 0);
    const shaped = encodeAt(encoder, { p: 3, q: 4 });
    decoder.skip(shaped.bytes, shaped.view, 0);
    const next = encodeAt(encoder, { p: 5, q: 6 });
    expect(decoder.decode(next.bytes, next.view, 0)).toEqual({ p: 5, q: 6 });
  });

  it('decodeInto() appends each value to the list of its label', () => {
    const { encoder, decoder } = pair();
    const lists: Record<string, unknown[]> = { old: ['kept'] };
    for (const message of [{ t: 1, a: 'x' }, { t: 2 }, { t: 3, b: [1] }, { t: 4, a: 'y' }] as Message[]) {
      const { bytes, view } = encodeAt(encoder, message, 2);
      decoder.decodeInto(bytes, view, 2, lists);
    }
    expect(lists).toEqual({ old: ['kept'], t: [1, 2, 3, 4], a: ['x', 'y'], b: [[1]] });
  });

  it('keeps working past 65535 distinct shapes', () => {
    const { send } = pair();
    for (let i = 0; i < 70_000; i++) {
      const message = { [`label${i}`]: i };
      const back = send(message);
      if (back[`label${i}`] !== i || Object.keys(back).length !== 1) {
        expect(back, `message ${i}`).toEqual(message);
      }
    }
    // Early shapes are still known, late ones too.
    expect(send({ label5: 5 })).toEqual({ label5: 5 });
    expect(send({ label69999: 1 })).toEqual({ label69999: 1 });
    expect(send({ label69999: 2 })).toEqual({ label69999: 2 });
  });
});

describe('codec: a label named __proto__', () => {
  const tricky = (): Message => JSON.parse('{"__proto__": 1, "a": {"__proto__": 2}}') as Message;

  it('is decoded as an own label, top level and nested, without touching the prototype', () => {
    const decoded = roundTrip(tricky());
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toBe(1);
    const nested = decoded.a as Record<string, unknown>;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value).toBe(2);
  });

  it('gets its own list when messages are gathered by label, with a known shape too', () => {
    const encoder = new MessageEncoder();
    const decoder = new MessageDecoder();
    const lists: Record<string, unknown[]> = {};
    for (let i = 0; i < 2; i++) {
      const { bytes, view } = encodeAt(encoder, tricky());
      decoder.decodeInto(bytes, view, 0, lists);
    }
    expect(Object.getOwnPropertyDescriptor(lists, '__proto__')?.value).toEqual([1, 1]);
    expect(Object.getPrototypeOf(lists)).toBe(Object.prototype);
  });
});

describe('codec: size on the ring', () => {
  it("the usual {'t(s)', 'F(N)', 'x(mm)'} message costs 40 bytes of the ring once its shape is known (docs/runtime.md)", () => {
    const encoder = new MessageEncoder();
    const ring = RingBuffer.create(4096);
    const writer = new RingWriter(ring);
    const W_POS = 0; // header cell of the write position (ring-buffer.ts)
    /** Bytes the write position moved by for one message. */
    const cost = (message: Message): number => {
      const before = Atomics.load(ring.header, W_POS);
      const length = encoder.encode(message, LINK);
      expect(writer.tryWrite(encoder.bytes, length, 1 << 30)).toBe(true);
      encoder.commit();
      return Atomics.load(ring.header, W_POS) - before;
    };
    const defining = cost({ 't(s)': 0, 'F(N)': 1, 'x(mm)': 2 });
    expect(defining).toBeGreaterThan(40);
    for (let i = 1; i < 5; i++) {
      // A tag and a 2-byte shape number, 3 numbers of 9 bytes (a tag and a float64): 30 bytes, in an aligned record of 40.
      expect(encoder.encode({ 't(s)': i, 'F(N)': i + 1, 'x(mm)': i + 2 }, LINK)).toBe(30);
      expect(cost({ 't(s)': i, 'F(N)': i + 1, 'x(mm)': i + 2 })).toBe(40);
    }
  });
});
