import { LinkDataError } from '../errors.js';
import { LogLevel } from '../logging/levels.js';
import { applyModifier, isModifierLike, type ModifierLike } from '../modifier/modifier.js';
import { monotonic } from '../time/clock.js';
import { MessageDecoder, MessageEncoder } from './codec.js';
import type { Doorbell } from './doorbell.js';
import { cloneMessage, isPlainObject, type Message } from '../message/message.js';
import { RingBuffer, RingReader, RingWriter, type RingStats } from './ring-buffer.js';

/** What a Link does when its buffer is full. */
export type WhenFull = 'drop' | 'block';

/** Options of {@link link}. */
export interface LinkOptions {
  /** One modifier or a list, applied in order in the sender's thread. */
  modifier?: ModifierLike | ModifierLike[];
  /** Name shown in logs; default `link<N>`. */
  name?: string;
  /** Most messages waiting in the Link at once (default 10 000). */
  capacity?: number;
  /** Full buffer: `'drop'` the new message and warn (the original's behaviour, default) or `'block'` the sender until there is room. */
  whenFull?: WhenFull;
  /** Size of the Link's buffer in bytes (default: 128 bytes per message of `capacity`, at least 1 MiB); one message may take at most half of it. */
  bufferSize?: number;
}

/** The ends of a Link as seen by the Link: what it needs from the Blocks it joins. */
export interface LinkEnd {
  /** The Block's name, for messages. */
  readonly name: string;
  /** Logs through the Block's logger. */
  log(level: LogLevel, message: string): void;
  /** Whether the run is stopping (a blocked sender then gives up). */
  readonly stopping: boolean;
  /** Wakes the Block when it sleeps waiting for input. */
  readonly doorbell: Doorbell;
  /** The Links the Block reads from: a new Link adds itself to its receiver's. */
  readonly inputs: Link[];
  /** The Links the Block writes to: a new Link adds itself to its sender's. */
  readonly outputs: Link[];
}

const DEFAULT_CAPACITY = 10_000;
const MIN_BUFFER_BYTES = 1 << 20;
const BYTES_PER_MESSAGE = 128;
const FULL_WARNING_PERIOD = 1;
const SPIN_BEFORE_WAIT = 2e-5;
const WAIT_SLICE_MS = 5;

let linkCounter = 0;

/**
 * A one-way channel from one Block to another, carrying messages
 * (`{label: value}` records). Create it with {@link link}. The transport is a
 * bounded ring in shared memory: the sender writes, the receiver reads, no
 * message goes through the event loop.
 */
export class Link {
  /** The Link's name, `link<N>` unless given. */
  readonly name: string;
  /** @internal creation order among the Links of this thread: a run lists its Links in this order */
  readonly order: number;
  /** Modifiers applied, in order, to each message before it is sent. */
  readonly modifiers: readonly ModifierLike[];
  /** Most messages waiting at once. */
  readonly capacity: number;
  /** What happens when the Link is full. */
  readonly whenFull: WhenFull;
  /** Size of the buffer in bytes. */
  readonly bufferSize: number;

  private ring: RingBuffer | null = null;
  private writer: RingWriter | null = null;
  private reader: RingReader | null = null;
  private encoder = new MessageEncoder();
  private decoder = new MessageDecoder();
  private lastFullWarning = monotonic();

  /**
   * Creates the Link and connects it: it joins the sender's outputs, the
   * receiver's inputs and the run's Links ({@link link} does just this).
   * @param sender the Block that sends
   * @param receiver the Block that receives
   */
  constructor(readonly sender: LinkEnd, readonly receiver: LinkEnd, options: LinkOptions = {}) {
    if (!isLinkEnd(sender)) throw new TypeError(`link(): the sender must be a Block, got ${describe(sender)}`);
    if (!isLinkEnd(receiver)) throw new TypeError(`link(): the receiver must be a Block, got ${describe(receiver)}`);
    if (options === null || typeof options !== 'object') throw new TypeError('link(): options must be an object');
    const { modifier, name, capacity = DEFAULT_CAPACITY, whenFull = 'drop', bufferSize } = options;
    const modifiers = modifier === undefined || modifier === null ? [] : Array.isArray(modifier) ? modifier : [modifier];
    modifiers.forEach((m, i) => {
      const which = `link(): modifier${modifiers.length > 1 ? ` #${i}` : ''}`;
      if (!isModifierLike(m)) throw new TypeError(`${which} must be a function or a Modifier, got ${typeof m}`);
      if (typeof m === 'function' && /^class\b/.test(Function.prototype.toString.call(m))) {
        throw new TypeError(`${which} is the class ${m.name}: pass an instance, e.g. new ${m.name}(...)`);
      }
    });
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`link(): capacity must be a positive integer, got ${String(capacity)}`);
    }
    if (whenFull !== 'drop' && whenFull !== 'block') {
      throw new RangeError(`link(): whenFull must be 'drop' or 'block', got ${JSON.stringify(whenFull)}`);
    }
    if (bufferSize !== undefined && (!Number.isInteger(bufferSize) || bufferSize < 64)) {
      throw new RangeError(`link(): bufferSize must be an integer of at least 64 bytes, got ${String(bufferSize)}`);
    }
    if (name !== undefined && typeof name !== 'string') throw new TypeError('link(): name must be a string');
    linkCounter += 1;
    this.order = linkCounter;
    this.name = name ?? `link${linkCounter}`;
    this.modifiers = modifiers;
    this.capacity = capacity;
    this.whenFull = whenFull;
    this.bufferSize = bufferSize ?? Math.max(MIN_BUFFER_BYTES, capacity * BYTES_PER_MESSAGE);
    sender.outputs.push(this);
    receiver.inputs.push(this);
  }

  /** The shared buffer of this Link, allocated on first use. */
  get buffer(): SharedArrayBuffer {
    return this.channel().buffer;
  }

  /** Uses `buffer` (made by another thread for this Link) from now on. */
  attach(buffer: SharedArrayBuffer): void {
    this.ring = new RingBuffer(buffer);
    this.writer = null;
    this.reader = null;
    this.encoder = new MessageEncoder();
    this.decoder = new MessageDecoder();
  }

  /** Messages sent, dropped and received so far. */
  get stats(): RingStats {
    return this.channel().readStats();
  }

  /** Messages waiting to be read. */
  get pending(): number {
    return this.channel().pending;
  }

  /**
   * Sends one message: applies the modifiers to a copy, then writes it.
   * A modifier returning `null`/`undefined` drops the message for this Link.
   * @throws LinkDataError if the final value is not a plain object or holds a value a Link cannot carry
   */
  send(message: Message): void {
    let value: unknown = message;
    if (this.modifiers.length > 0) {
      value = cloneMessage(message);
      for (const modifier of this.modifiers) {
        value = applyModifier(modifier, value as Message);
        if (value === null || value === undefined) return;
      }
    }
    if (!isPlainObject(value)) {
      throw new LinkDataError(`Link ${this.name}: a message must be an object {label: value}, the modifiers returned ${describe(value)}`);
    }
    this.write(value as Message);
  }

  /** Whether a message is waiting. */
  poll(): boolean {
    return this.readEnd().hasData();
  }

  /**
   * Whether a message is waiting, for the runtime's own checks (the idle
   * wait), so that {@link Link.poll} counts only the Block's own calls.
   * @internal
   */
  get hasPending(): boolean {
    return this.readEnd().hasData();
  }

  /** Takes the oldest waiting message, or `{}` when there is none. */
  recv(): Message {
    const reader = this.readEnd();
    if (!reader.peek()) return {};
    const ring = reader.ring;
    const message = this.decoder.decode(ring.bytes, ring.view, reader.recordOffset);
    reader.consume();
    reader.release();
    return message;
  }

  /** Takes every waiting message and returns the newest, or `{}` when there is none. */
  recvLast(): Message {
    const reader = this.readEnd();
    const ring = reader.ring;
    let last: Message = {};
    while (reader.peek()) {
      const offset = reader.recordOffset;
      reader.consume();
      if (reader.hasData()) this.decoder.skip(ring.bytes, ring.view, offset);
      else last = this.decoder.decode(ring.bytes, ring.view, offset);
    }
    reader.release();
    return last;
  }

  /**
   * Takes every waiting message, as `{label: [values in order]}`. A message
   * without a label adds nothing to that label's list. Without `into`, the
   * result is a new object, which `recvAllDataRaw()` hands on as it is (a
   * subclass overriding this method must return a new object too).
   * @param into lists to append to (returned)
   */
  recvChunk(into: Record<string, unknown[]> = {}): Record<string, unknown[]> {
    const reader = this.readEnd();
    const ring = reader.ring;
    let any = false;
    while (reader.peek()) {
      this.decoder.decodeInto(ring.bytes, ring.view, reader.recordOffset, into);
      reader.consume();
      any = true;
    }
    if (any) reader.release();
    return into;
  }

  private channel(): RingBuffer {
    this.ring ??= RingBuffer.create(this.bufferSize);
    return this.ring;
  }

  private readEnd(): RingReader {
    this.reader ??= new RingReader(this.channel());
    return this.reader;
  }

  private write(message: Message): void {
    this.writer ??= new RingWriter(this.channel());
    const writer = this.writer;
    const length = this.encoder.encode(message, this.name);
    if (length > writer.ring.maxRecordBytes) {
      throw new LinkDataError(
        `Link ${this.name}: a message of ${length} bytes does not fit in its ${writer.ring.size}-byte buffer (at most ${writer.ring.maxRecordBytes} bytes per message); pass a larger bufferSize to link()`,
      );
    }
    if (!writer.tryWrite(this.encoder.bytes, length, this.capacity) && !this.waitAndWrite(writer, length)) {
      writer.countDrop();
      this.warnFull();
      return;
    }
    this.encoder.commit();
    this.receiver.doorbell.ring();
  }

  /** Under `'block'`, waits for room until the run stops. */
  private waitAndWrite(writer: RingWriter, length: number): boolean {
    if (this.whenFull === 'drop') return false;
    const spinUntil = monotonic() + SPIN_BEFORE_WAIT;
    for (;;) {
      if (this.sender.stopping) return false;
      if (monotonic() > spinUntil) writer.waitForSpace(WAIT_SLICE_MS);
      if (writer.tryWrite(this.encoder.bytes, length, this.capacity)) return true;
    }
  }

  private warnFull(): void {
    const now = monotonic();
    if (now - this.lastFullWarning < FULL_WARNING_PERIOD) return;
    this.lastFullWarning = now;
    this.sender.log(LogLevel.WARNING, `Cannot send the values, the Link is full ! (${this.name} to ${this.receiver.name})`);
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? `a ${(value as object).constructor?.name ?? 'object'}` : `a ${typeof value}`;
}

/** Whether `value` can be the end of a Link: a Block, or an object shaped like one. */
function isLinkEnd(value: unknown): value is LinkEnd {
  if (value === null || typeof value !== 'object') return false;
  const end = value as Partial<LinkEnd>;
  return Array.isArray(end.inputs) && Array.isArray(end.outputs) && typeof end.name === 'string';
}
