import { LinkDataError } from '../errors.js';
import { setOwn, type Message, type TypedArray } from '../message/message.js';

/**
 * Binary encoding of messages for the Link ring. Every Link keeps a table of
 * "shapes" (ordered label lists): a message whose labels match a known shape
 * carries only its shape number and its values, so the usual stream of
 * `{t(s), F(N), x(mm)}` costs a few bytes per value and no label strings.
 * @module
 */

const KIND_SHAPED = 1;
const KIND_DEFINE = 2;
const KIND_INLINE = 3;

const TAG_UNDEFINED = 0;
const TAG_NULL = 1;
const TAG_FALSE = 2;
const TAG_TRUE = 3;
const TAG_NUMBER = 4;
const TAG_STRING = 5;
const TAG_ARRAY = 6;
const TAG_TYPED = 7;
const TAG_OBJECT = 8;

const MAX_SHAPES = 0xffff;

const TYPED_CTORS = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
] as const;

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

function typedKind(value: ArrayBufferView): number {
  const kind = TYPED_CTORS.findIndex((ctor) => value instanceof ctor);
  return kind;
}

/** Encodes messages of one Link into a reusable scratch buffer. */
export class MessageEncoder {
  /** The encoded bytes of the last {@link encode} call (first `length` bytes). */
  bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  private at = 0;
  private readonly shapeIds = new Map<string, number>();
  private lastKeys: string[] = [];
  private lastId = -1;
  private pendingKeys: string[] | null = null;

  /**
   * Encodes `message`; the bytes are `this.bytes.subarray(0, length)`.
   * Call {@link commit} once they are written, so that a new shape is only
   * remembered when the reader will see its definition.
   * @param linkName used in error messages
   * @returns the encoded length
   */
  encode(message: Message, linkName: string): number {
    this.at = 0;
    this.pendingKeys = null;
    if (this.matchesLastShape(message)) {
      this.u8(KIND_SHAPED);
      this.u16(this.lastId);
      this.values(message, this.lastKeys, linkName);
      return this.at;
    }
    const keys = Object.keys(message);
    const signature = keys.join('\u0000');
    const known = this.shapeIds.get(signature);
    if (known !== undefined) {
      this.lastKeys = keys;
      this.lastId = known;
      this.u8(KIND_SHAPED);
      this.u16(known);
    } else if (this.shapeIds.size < MAX_SHAPES) {
      this.pendingKeys = keys;
      this.u8(KIND_DEFINE);
      this.u16(this.shapeIds.size);
      this.u16(keys.length);
      for (const key of keys) this.string(key);
    } else {
      this.u8(KIND_INLINE);
      this.u16(keys.length);
      for (const key of keys) this.string(key);
    }
    this.values(message, keys, linkName);
    return this.at;
  }

  /** Records that the last encoded message was delivered to the ring. */
  commit(): void {
    if (this.pendingKeys === null) return;
    const id = this.shapeIds.size;
    this.shapeIds.set(this.pendingKeys.join('\u0000'), id);
    this.lastKeys = this.pendingKeys;
    this.lastId = id;
    this.pendingKeys = null;
  }

  private matchesLastShape(message: Message): boolean {
    const keys = this.lastKeys;
    if (this.lastId < 0) return false;
    let i = 0;
    for (const key in message) {
      if (keys[i] !== key) return false;
      i++;
    }
    return i === keys.length;
  }

  private values(message: Message, keys: string[], linkName: string): void {
    for (let i = 0; i < keys.length; i++) this.value(message[keys[i]!], keys[i]!, linkName);
  }

  private value(value: unknown, label: string, linkName: string): void {
    switch (typeof value) {
      case 'number':
        this.u8(TAG_NUMBER);
        this.reserve(8);
        this.view.setFloat64(this.at, value, true);
        this.at += 8;
        return;
      case 'string':
        this.u8(TAG_STRING);
        this.string(value);
        return;
      case 'boolean':
        this.u8(value ? TAG_TRUE : TAG_FALSE);
        return;
      case 'undefined':
        this.u8(TAG_UNDEFINED);
        return;
      case 'object':
        if (value === null) {
          this.u8(TAG_NULL);
        } else if (Array.isArray(value)) {
          this.u8(TAG_ARRAY);
          this.u32(value.length);
          for (const item of value) this.value(item, label, linkName);
        } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
          this.typed(value as TypedArray, label, linkName);
        } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
          const keys = Object.keys(value);
          this.u8(TAG_OBJECT);
          this.u32(keys.length);
          for (const key of keys) {
            this.string(key);
            this.value((value as Record<string, unknown>)[key], label, linkName);
          }
        } else {
          throw unsupported(value, label, linkName);
        }
        return;
      default:
        throw unsupported(value, label, linkName);
    }
  }

  private typed(value: TypedArray, label: string, linkName: string): void {
    const kind = typedKind(value);
    if (kind < 0) throw unsupported(value, label, linkName);
    this.u8(TAG_TYPED);
    this.u8(kind);
    this.u32(value.length);
    this.reserve(value.byteLength);
    this.bytes.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), this.at);
    this.at += value.byteLength;
  }

  private string(text: string): void {
    const max = text.length * 3;
    this.reserve(4 + max);
    const { written } = textEncoder.encodeInto(text, this.bytes.subarray(this.at + 4, this.at + 4 + max));
    this.view.setUint32(this.at, written, true);
    this.at += 4 + written;
  }

  private u8(n: number): void {
    this.reserve(1);
    this.bytes[this.at++] = n;
  }

  private u16(n: number): void {
    this.reserve(2);
    this.view.setUint16(this.at, n, true);
    this.at += 2;
  }

  private u32(n: number): void {
    this.reserve(4);
    this.view.setUint32(this.at, n, true);
    this.at += 4;
  }

  private reserve(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.at));
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }
}

function unsupported(value: unknown, label: string, linkName: string): LinkDataError {
  const kind = value === null ? 'null' : typeof value === 'object' ? (value as object).constructor?.name ?? 'object' : typeof value;
  return new LinkDataError(
    `Link ${linkName}: the value of label '${label}' is a ${kind}, which a Link cannot carry ` +
      '(use numbers, strings, booleans, null, arrays, typed arrays or plain objects)',
  );
}

/** Decodes the messages of one Link, straight out of its ring. */
export class MessageDecoder {
  private readonly shapes: string[][] = [];
  /** Whether the record being read has a `'__proto__'` label (then set with {@link setOwn}). */
  private protoLabel = false;
  /** Which shapes hold a `'__proto__'` label. */
  private readonly protoShapes: boolean[] = [];
  private bytes!: Uint8Array;
  private view!: DataView;
  private at = 0;

  /** Decodes the record at `offset` into a new message object. */
  decode(bytes: Uint8Array, view: DataView, offset: number): Message {
    const keys = this.begin(bytes, view, offset);
    const message: Message = {};
    if (this.protoLabel) for (let i = 0; i < keys.length; i++) setOwn(message, keys[i]!, this.value());
    else for (let i = 0; i < keys.length; i++) message[keys[i]!] = this.value() as Message[string];
    return message;
  }

  /**
   * Decodes the record at `offset`, appending each value to the list of its
   * label in `lists` (created when missing).
   */
  decodeInto(bytes: Uint8Array, view: DataView, offset: number, lists: Record<string, unknown[]>): void {
    const keys = this.begin(bytes, view, offset);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = this.value();
      const list = this.protoLabel && !Object.hasOwn(lists, key) ? undefined : lists[key];
      if (list === undefined) setOwn(lists, key, [value]);
      else list.push(value);
    }
  }

  /** Reads only what a record teaches about shapes, when its values are not wanted. */
  skip(bytes: Uint8Array, view: DataView, offset: number): void {
    if (bytes[offset] === KIND_DEFINE) this.begin(bytes, view, offset);
  }

  private begin(bytes: Uint8Array, view: DataView, offset: number): string[] {
    this.bytes = bytes;
    this.view = view;
    this.at = offset + 1;
    const kind = bytes[offset];
    if (kind === KIND_SHAPED) {
      const id = this.u16();
      const keys = this.shapes[id];
      if (keys === undefined) throw new Error('Corrupted Link record: unknown shape');
      this.protoLabel = this.protoShapes[id] === true;
      return keys;
    }
    if (kind === KIND_DEFINE) {
      const id = this.u16();
      const keys = this.keyList(this.u16());
      this.shapes[id] = keys;
      this.protoShapes[id] = this.protoLabel = keys.includes('__proto__');
      return keys;
    }
    if (kind === KIND_INLINE) {
      const keys = this.keyList(this.u16());
      this.protoLabel = keys.includes('__proto__');
      return keys;
    }
    throw new Error(`Corrupted Link record: unknown kind ${kind}`);
  }

  private keyList(n: number): string[] {
    const keys = new Array<string>(n);
    for (let i = 0; i < n; i++) keys[i] = this.string();
    return keys;
  }

  private value(): unknown {
    const tag = this.bytes[this.at++];
    switch (tag) {
      case TAG_NUMBER: {
        const n = this.view.getFloat64(this.at, true);
        this.at += 8;
        return n;
      }
      case TAG_STRING:
        return this.string();
      case TAG_TRUE:
        return true;
      case TAG_FALSE:
        return false;
      case TAG_NULL:
        return null;
      case TAG_UNDEFINED:
        return undefined;
      case TAG_ARRAY: {
        const n = this.u32();
        const items = new Array<unknown>(n);
        for (let i = 0; i < n; i++) items[i] = this.value();
        return items;
      }
      case TAG_TYPED: {
        const Ctor = TYPED_CTORS[this.bytes[this.at++]!]!;
        const length = this.u32();
        const out = new Ctor(length);
        const byteLength = length * Ctor.BYTES_PER_ELEMENT;
        new Uint8Array(out.buffer).set(this.bytes.subarray(this.at, this.at + byteLength));
        this.at += byteLength;
        return out;
      }
      case TAG_OBJECT: {
        const n = this.u32();
        const object: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) {
          const key = this.string();
          setOwn(object, key, this.value());
        }
        return object;
      }
      default:
        throw new Error(`Corrupted Link record: unknown value tag ${tag}`);
    }
  }

  private string(): string {
    const length = this.u32();
    const start = this.at;
    this.at += length;
    if (length < 24) {
      let ascii = true;
      let text = '';
      for (let i = start; i < this.at; i++) {
        const c = this.bytes[i]!;
        if (c > 127) {
          ascii = false;
          break;
        }
        text += String.fromCharCode(c);
      }
      if (ascii) return text;
    }
    return textDecoder.decode(this.bytes.subarray(start, this.at));
  }

  private u16(): number {
    const n = this.view.getUint16(this.at, true);
    this.at += 2;
    return n;
  }

  private u32(): number {
    const n = this.view.getUint32(this.at, true);
    this.at += 4;
    return n;
  }
}
