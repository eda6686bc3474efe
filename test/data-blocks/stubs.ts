/**
 * In-thread harness of the data Blocks' tests: a Block's Link methods,
 * log and clock are replaced on the instance, as the original's tests do,
 * and its t0 is set through a hand-made control block.
 */
import { type Block, ControlBlock, type DataLists, type Message } from '../../packages/core/src/index.js';

/** What a stubbed Block did. */
export interface Recorded {
  /** Every message given to `send()`. */
  sent: Message[];
  /** Every `log()` call, as [level, message]. */
  logs: [number, string][];
  /** The arguments of each `recvAllData()` / `recvAllDataRaw()` call. */
  recvCalls: unknown[][];
  /** The DEBUG messages logged. */
  readonly debug: string[];
}

/** How to stub a Block. */
export interface StubOptions {
  /** What successive `recvAllData()` calls return (`{}` once exhausted). */
  all?: DataLists[];
  /** What successive `recvAllDataRaw()` calls return (`[]` once exhausted). */
  raw?: DataLists[][];
  /** What successive `clock.time()` calls return (the last one repeats). */
  times?: number[];
  /** The run's t0, set through a control block. */
  t0?: number;
}

/** Replaces `send`, `log`, `recvAllData`, `recvAllDataRaw` and `clock` of `block`, and records what it does. */
export function stub(block: Block, options: StubOptions = {}): Recorded {
  const recorded: Recorded = {
    sent: [],
    logs: [],
    recvCalls: [],
    get debug() {
      return this.logs.filter(([level]) => level === 10).map(([, message]) => message);
    },
  };
  const all = [...(options.all ?? [])];
  const raw = [...(options.raw ?? [])];
  const times = [...(options.times ?? [0])];
  block.send = (data) => {
    recorded.sent.push(structuredClone(data) as Message);
  };
  block.log = (level, message) => {
    recorded.logs.push([level as number, message]);
  };
  block.recvAllData = ((...args: unknown[]) => {
    recorded.recvCalls.push(args);
    const data = all.shift() ?? {};
    return args.length > 0 ? Promise.resolve(data) : data;
  }) as Block['recvAllData'];
  block.recvAllDataRaw = ((...args: unknown[]) => {
    recorded.recvCalls.push(args);
    return raw.shift() ?? [];
  }) as Block['recvAllDataRaw'];
  block.clock = {
    time: () => (times.length > 1 ? times.shift()! : times[0]!),
    sleep: () => {},
  };
  if (options.t0 !== undefined) {
    const control = ControlBlock.create(1, 0);
    control.t0.value = options.t0;
    block.attachRun(control);
  }
  return recorded;
}

/** Expects two lists of messages to have the same labels and values within 5e-8 (the original's almost-equal). */
export function almostEqualMessages(actual: Message[], expected: Message[]): string | null {
  if (actual.length !== expected.length) return `${actual.length} messages instead of ${expected.length}: ${JSON.stringify(actual)}`;
  for (const [i, message] of actual.entries()) {
    const want = expected[i]!;
    const keys = Object.keys(message).sort();
    if (JSON.stringify(keys) !== JSON.stringify(Object.keys(want).sort())) {
      return `message ${i} has labels ${keys.join(',')} instead of ${Object.keys(want).sort().join(',')}`;
    }
    for (const key of keys) {
      const a = message[key];
      const b = want[key];
      const close = typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 5e-8 : a === b;
      if (!close) return `message ${i}: ${key} is ${String(a)} instead of ${String(b)}`;
    }
  }
  return null;
}
