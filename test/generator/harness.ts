/**
 * Helpers of the Generator, StopBlock, Pause and Path tests: a clock moved by
 * hand, and a Block driven in this thread with its Links replaced by a queue
 * of inputs and a list of what it sent.
 */
import {
  ControlBlock,
  runState,
  type Block,
  type DataLists,
  type LogRecord,
} from '../../packages/core/src/index.js';
import { TestClock } from '../helpers/clock.js';

export { TestClock } from '../helpers/clock.js';

/** A Block attached to a hand-made run, fed from {@link Driven.inbox}. */
export interface Driven<B extends Block> {
  block: B;
  clock: TestClock;
  control: ControlBlock;
  /** What the Block sent, in order. */
  sent: unknown[];
  /** Data returned by the next `recvAllData()` calls, in order (`{}` once empty). */
  inbox: DataLists[];
  /** Every log record of the Block. */
  logs: LogRecord[];
  /** How many times `recvAllData()` was called. */
  readonly received: number;
}

/**
 * Attaches `block` to a control block whose t0 is the clock's current time,
 * replaces its clock, and overrides `send`, `recvAllData` and
 * `dataAvailable` on this instance.
 */
export function drive<B extends Block>(block: B, start = 1000): Driven<B> {
  const clock = new TestClock(start);
  block.clock = clock;
  const control = ControlBlock.create(1, 0);
  control.t0.value = start;
  const logs: LogRecord[] = [];
  runState.logSink = (record) => logs.push(record);
  block.attachRun(control);
  runState.logSink = null;
  const sent: unknown[] = [];
  const inbox: DataLists[] = [];
  block.send = (data) => {
    sent.push(data);
  };
  let received = 0;
  block.recvAllData = (() => {
    received += 1;
    return inbox.shift() ?? {};
  }) as Block['recvAllData'];
  block.dataAvailable = () => inbox.length > 0;
  return {
    block,
    clock,
    control,
    sent,
    inbox,
    logs,
    get received() {
      return received;
    },
  };
}

/** The error thrown by `fn`, which must throw. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
