/**
 * Shared helpers of the run-cycle, pause/frequency and links tests: an
 * instrumented Block, an in-thread runner with a hand-made control block,
 * instrumented Links and a fake clock.
 */
import {
  Block,
  ControlBlock,
  Link,
  runBlock,
  runState,
  systemClock,
  type LogRecord,
  type Message,
} from '../../packages/core/src/index.js';

export { TestClock } from '../helpers/clock.js';

/** Which lifecycle method of a {@link TestBlock} throws (after recording). */
export type FailIn = 'prepare' | 'begin' | 'loop' | 'finish';

/** Options of {@link TestBlock}. */
export interface TestBlockOptions {
  /** `loop()` calls `this.stop()` on its first run (default true). */
  stop?: boolean;
  /** Lifecycle method that throws once it has recorded its call. */
  failIn?: FailIn;
  freq?: number | null;
  displayFreq?: boolean;
  pausable?: boolean;
  labels?: string[] | null;
  /** Extra work done by `loop()` after recording (before the optional stop). */
  body?: (block: TestBlock) => void;
}

/** The error thrown by a {@link TestBlock} told to fail. */
export class PlannedFailure extends Error {
  override name = 'PlannedFailure';
}

/**
 * A Block that records its lifecycle: which methods ran, and on entry to
 * each one a copy of the loop bookkeeping (`_lastT`, `_lastFps` as −1 while
 * unset, `_nLoops`), plus its own count of loops.
 */
export class TestBlock extends Block {
  prepared = false;
  begun = false;
  looped = false;
  finished = false;
  /** Copy of `_lastT` (−1 when unset) made on entry to the last lifecycle method. */
  lastT = -1;
  /** Copy of `_lastFps` (−1 when unset) made on entry to the last lifecycle method. */
  lastFps = -1;
  /** Copy of `_nLoops` made on entry to the last lifecycle method. */
  nLoops = 0;
  /** How many times `loop()` ran. */
  loops = 0;
  /** The lifecycle methods called, in order (consecutive loops counted once). */
  readonly calls: FailIn[] = [];

  private readonly stopOnLoop: boolean;
  private readonly failIn: FailIn | undefined;
  private readonly body: ((block: TestBlock) => void) | undefined;

  constructor(options: TestBlockOptions = {}) {
    super();
    this.stopOnLoop = options.stop ?? true;
    this.failIn = options.failIn;
    this.body = options.body;
    if (options.freq !== undefined) this.freq = options.freq;
    if (options.displayFreq !== undefined) this.displayFreq = options.displayFreq;
    if (options.pausable !== undefined) this.pausable = options.pausable;
    if (options.labels !== undefined) this.labels = options.labels;
  }

  /** Bookkeeping of the loop timer, read through the protected fields. */
  get internals(): { lastT: number | null; lastFps: number | null; nLoops: number } {
    return { lastT: this._lastT, lastFps: this._lastFps, nLoops: this._nLoops };
  }

  override prepare(): void {
    this.record('prepare');
    this.prepared = true;
    this.maybeFail('prepare');
  }

  override begin(): void {
    this.record('begin');
    this.begun = true;
    this.maybeFail('begin');
  }

  override loop(): void {
    this.record('loop');
    this.looped = true;
    this.loops += 1;
    this.maybeFail('loop');
    this.body?.(this);
    if (this.stopOnLoop) this.stop();
  }

  override finish(): void {
    this.record('finish');
    this.finished = true;
    this.maybeFail('finish');
  }

  private record(where: FailIn): void {
    if (this.calls[this.calls.length - 1] !== where || where !== 'loop') this.calls.push(where);
    this.lastT = this._lastT ?? -1;
    this.lastFps = this._lastFps ?? -1;
    this.nLoops = this._nLoops;
  }

  private maybeFail(where: FailIn): void {
    if (this.failIn === where) throw new PlannedFailure(`planned failure in ${where}()`);
  }
}

/** How to prepare the control block before the Block runs. */
export interface RunSetup {
  /** Set start before running (default true). */
  start?: boolean;
  /** Set stop before running. */
  stop?: boolean;
  /** Set pause before running. */
  pause?: boolean;
  /** Abort the barrier before running. */
  abortBarrier?: boolean;
}

/** A Block running in the test's thread. */
export interface InThreadRun {
  control: ControlBlock;
  /** Settles when the Block's lifecycle is over (`runBlock` never rejects). */
  done: Promise<void>;
  /** Whether `done` settled. */
  readonly over: boolean;
  /** Every log record of the run. */
  logs: LogRecord[];
}

/**
 * Runs `block` alone in this thread with a control block of one party, `t0`
 * set to now, and the events as `setup` says, as the original's tests run a
 * single Block with hand-made synchronisation objects.
 */
export function runInThread(block: Block, setup: RunSetup = {}): InThreadRun {
  const control = ControlBlock.create(1, 0);
  control.t0.value = systemClock.time();
  if (setup.start ?? true) control.start.set();
  if (setup.stop) control.stop.set();
  if (setup.pause) control.pause.set();
  if (setup.abortBarrier) control.barrier.abort();
  const logs: LogRecord[] = [];
  runState.logSink = (record) => logs.push(record);
  block.attachRun(control);
  let over = false;
  const done = runBlock(block, control).finally(() => {
    over = true;
  });
  return {
    control,
    done,
    get over() {
      return over;
    },
    logs,
  };
}

/** Waits `ms` milliseconds (lets an in-thread Block run meanwhile). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `condition` every `intervalMs` until it holds.
 * @returns whether it held within `timeoutMs`
 */
export async function waitUntil(condition: () => boolean, timeoutMs = 3000, intervalMs = 10): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (condition()) return true;
    if (performance.now() > deadline) return false;
    await sleep(intervalMs);
  }
}

/** Waits for the end of a run, at most `timeoutMs` (the original joins with 4 s). */
export async function joinRun(run: InThreadRun, timeoutMs = 4000): Promise<boolean> {
  await Promise.race([run.done, sleep(timeoutMs)]);
  return run.over;
}

/** The final state of the control block, in the columns of the original's tables. */
export function eventStates(control: ControlBlock): Record<'start' | 'stop' | 'broken' | 'raise' | 'kbi', boolean> {
  return {
    start: control.start.isSet(),
    stop: control.stop.isSet(),
    broken: control.barrier.broken,
    raise: control.raise.isSet(),
    kbi: control.kbi.isSet(),
  };
}

/** The lifecycle flags of a {@link TestBlock}. */
export function lifecycle(block: TestBlock): Record<'prepared' | 'begun' | 'looped' | 'finished', boolean> {
  return { prepared: block.prepared, begun: block.begun, looped: block.looped, finished: block.finished };
}

/** The calls seen by an instrumented Link. */
export interface LinkFlags {
  polled: boolean;
  sent: boolean;
  received: boolean;
  receivedLast: boolean;
  receivedChunk: boolean;
}

/**
 * A Link whose public methods record their calls, built directly with
 * `new TestLink(sender, receiver)` as the original's tests do: the
 * constructor connects the Blocks, and each method calls the Link's own
 * without arguments, so the Block must use what they return.
 */
export class TestLink extends Link {
  /** Which methods were called since the last {@link TestLink.resetFlags}. */
  readonly flags: LinkFlags = { polled: false, sent: false, received: false, receivedLast: false, receivedChunk: false };

  /** Clears every flag. */
  resetFlags(): void {
    for (const key of Object.keys(this.flags) as (keyof LinkFlags)[]) this.flags[key] = false;
  }

  override poll(): boolean {
    this.flags.polled = true;
    return super.poll();
  }

  override send(message: Message): void {
    this.flags.sent = true;
    super.send(message);
  }

  override recv(): Message {
    this.flags.received = true;
    return super.recv();
  }

  override recvLast(): Message {
    this.flags.receivedLast = true;
    return super.recvLast();
  }

  override recvChunk(): Record<string, unknown[]> {
    this.flags.receivedChunk = true;
    return super.recvChunk();
  }
}

/** No flag set. */
export const NO_FLAGS: LinkFlags = Object.freeze({
  polled: false,
  sent: false,
  received: false,
  receivedLast: false,
  receivedChunk: false,
});

/** The flags of `NO_FLAGS` with the given ones set. */
export function onlyFlags(...set: (keyof LinkFlags)[]): LinkFlags {
  const flags = { ...NO_FLAGS };
  for (const key of set) flags[key] = true;
  return flags;
}

