/**
 * Helpers of the in-thread tests of the InOuts, Actuators and the Blocks
 * driving them: a scripted clock, and a way to drive a Block's lifecycle by
 * hand with a given t0, fake Links and canned input data.
 */
import { ControlBlock, type Block, type Link, type Message } from '../../packages/core/src/index.js';
import { TestClock } from '../helpers/clock.js';

export { TestClock } from '../helpers/clock.js';

/** A Block driven by hand, with what it did. */
export interface Driven<B extends Block> {
  block: B;
  clock: TestClock;
  /** Messages sent, as the output Links received them. */
  sent: Message[];
  /** Log records, as `[level, message]`. */
  logs: [number, string][];
  /** The `fillMissing` argument of each `recvLastData()` call. */
  recvCalls: boolean[];
  /** Data returned by the next `recvLastData()` calls, in order (then `{}`). */
  inbox: Message[];
}

/** Options of {@link drive}. */
export interface DriveOptions {
  /** The run's start time (default 10). */
  t0?: number;
  /** The Block's clock (default: a {@link TestClock} at `t0`). */
  clock?: TestClock;
  /** Give the Block one input Link (default true). */
  input?: boolean;
  /** Give the Block one output Link (default true). */
  output?: boolean;
}

/**
 * Prepares `block` to be driven in this thread: a control block holding
 * `t0`, a scripted clock, a fake output Link recording what is sent, a fake
 * input Link, `recvLastData` answering from an inbox, and `log` recording.
 */
export function drive<B extends Block>(block: B, options: DriveOptions = {}): Driven<B> {
  const t0 = options.t0 ?? 10;
  const control = ControlBlock.create(1, 0);
  control.t0.value = t0;
  block.attachRun(control);
  const clock = options.clock ?? new TestClock(t0);
  block.clock = clock;
  const driven: Driven<B> = { block, clock, sent: [], logs: [], recvCalls: [], inbox: [] };
  if (options.output ?? true) {
    block.outputs.push({ send: (message: Message) => driven.sent.push(message) } as unknown as Link);
  }
  if (options.input ?? true) block.inputs.push({} as unknown as Link);
  block.recvLastData = (fillMissing = true) => {
    driven.recvCalls.push(fillMissing);
    return driven.inbox.shift() ?? {};
  };
  block.log = (level, message) => {
    driven.logs.push([level as number, message]);
  };
  return driven;
}

/** The messages of the records at `level`. */
export function logged(driven: Driven<Block>, level: number): string[] {
  return driven.logs.filter(([l]) => l === level).map(([, message]) => message);
}
