import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { LogLevel } from '../logging/levels.js';
import type { ControlBlock } from '../sync/control-block.js';
import { monotonic } from '../time/clock.js';
import { PreciseWait } from '../time/precise-wait.js';
import { tightenTimerSlack } from '../time/timer-slack.js';
import { WakeMargin } from '../time/wake-margin.js';
import type { Block } from './block.js';
import { eventLoopInUse } from './event-loop-use.js';

/**
 * The event loop turns about this often at least (s), so that messages and
 * async drivers progress; also the longest a paced Block blocks its thread.
 */
const YIELD_PERIOD = 0.01;
/**
 * The busy-wait lasts at most this share of the period, whatever the learned
 * margin: on a loaded machine, late wake-ups then make late loops rather than
 * spinning Blocks, which would load the machine more.
 */
const LONGEST_MARGIN_SHARE = 0.15;
/** Bounds of the learned margin (s) by which a timer sleep ends before the blocking wait or busy-wait that follows it. */
const TIMER_MARGIN = { initial: 2e-3, min: 1e-3, max: 1e-2 };
/**
 * How long an idle free-running Block polls its inputs, while one of their
 * senders is awake, before sleeping (s): enough for a round trip between two
 * Blocks on two free cores (5–10 µs), short enough not to hold for long a core
 * that the sender may need.
 */
const IDLE_SPIN = 5e-5;
/** Longest sleep of an idle or paused free-running Block before it loops again (ms). */
const IDLE_SLEEP_MS = 10;
/** Window over which `displayFreq` averages (s). */
const DISPLAY_PERIOD = 2;

/** A Block's loop bookkeeping, kept by its LoopTimer (the original's `_last_t`, `_last_fps`, `_n_loops`). */
export interface LoopCounts {
  /** Time of the last loop (s since the epoch), `null` before the first. */
  lastT: number | null;
  /** Start of the current loops/s window, `null` before the first loop. */
  lastFps: number | null;
  /** Loops since the start of the current loops/s window. */
  nLoops: number;
}

/**
 * Keeps a Block at its `freq` between two loops without burning a core: it
 * sleeps until a learned wake-up margin before the target, then busy-waits
 * only that margin. The sleep is one blocking wait ({@link PreciseWait})
 * when nothing else needs the thread's event loop; a timer first (which lets
 * the event loop turn) for what lies beyond 10 ms, or beyond a learned timer
 * margin when the event loop has work (timers, I/O). A free-running Block
 * that asked its inputs for data and got none polls them briefly while a
 * sender is awake, then sleeps until a sender rings (or 10 ms).
 */
export class LoopTimer {
  private lastYield = monotonic();
  private readonly timed: LoopCounts;
  private readonly precise: PreciseWait;
  private readonly timerMargin = new WakeMargin(TIMER_MARGIN);

  /**
   * @param block the Block to pace
   * @param control the run's control block
   */
  constructor(private readonly block: Block, private readonly control: ControlBlock) {
    this.timed = block._loopCounts;
    this.precise = new PreciseWait(block.clock, (message) => block.log(LogLevel.WARNING, message));
  }

  /** Starts the bookkeeping: called once after `begin()`. */
  start(): void {
    const { block } = this;
    if (block.freq !== null && block.freq !== undefined && this.precise.available) {
      block.log(LogLevel.DEBUG, tightenTimerSlack() ? 'Timer slack of the thread set to 1 ns' : 'Could not lower the timer slack of the thread');
    }
    const now = block.clock.time();
    this.timed.lastT = now;
    this.timed.lastFps = now;
    this.timed.nLoops = 0;
  }

  /** Runs between two loops; returns a Promise only when it had to wait asynchronously. */
  tick(): void | Promise<void> {
    const block = this.block;
    this.timed.nLoops += 1;
    const freq = block.freq;
    if (freq !== null && freq !== undefined) return this.pace(this.timed.lastT! + 1 / freq, 1 / freq);
    this.idle();
    if (monotonic() - this.lastYield > YIELD_PERIOD) return this.yieldThenFinish();
    this.finish(block.clock.time());
  }

  /** Waits until `target` (clock seconds) at the end of a `period`, sleeping as much of it as can be slept precisely. */
  private pace(target: number, period: number): void | Promise<void> {
    const longestMargin = LONGEST_MARGIN_SHARE * period;
    const remaining = target - this.block.clock.time();
    // How long the thread may block before the target: what a timer could not sleep precisely
    // when the event loop has work, up to the yield period otherwise.
    const blockable = this.precise.available && !eventLoopInUse() ? YIELD_PERIOD : this.timerMargin.value;
    if (remaining > blockable) return this.sleepThenWait(target, longestMargin, remaining - blockable);
    // The event loop's turn (tens of µs) comes before the wait, which absorbs it.
    if (monotonic() - this.lastYield > YIELD_PERIOD) return this.yieldThenWait(target, longestMargin);
    this.waitUntil(target, longestMargin);
  }

  /** Sleeps `seconds` on a timer (the event loop turns), learning how late timers end, then waits until `target`. */
  private async sleepThenWait(target: number, longestMargin: number, seconds: number): Promise<void> {
    const clock = this.block.clock;
    const start = clock.time();
    this.block.doorbell.setResting(true);
    await clock.sleep(seconds);
    this.timerMargin.record(clock.time() - start - seconds);
    this.lastYield = monotonic();
    this.waitUntil(target, longestMargin);
  }

  /** Gives the event loop its turn, then waits until `target`. */
  private async yieldThenWait(target: number, longestMargin: number): Promise<void> {
    await yieldToEventLoop();
    this.lastYield = monotonic();
    this.waitUntil(target, longestMargin);
  }

  /** Blocks until the wake-up margin (at most `longestMargin`) before `target`, busy-waits the margin, then ends the tick. */
  private waitUntil(target: number, longestMargin: number): void {
    const { block } = this;
    const clock = block.clock;
    block.doorbell.setResting(true);
    this.precise.sleepUntil(target, longestMargin);
    block.doorbell.setResting(false);
    while (clock.time() < target) {
      /* busy-wait the margin for precision */
    }
    this.finish(clock.time());
  }

  private idle(): void {
    const { block, control } = this;
    const { activity } = block;
    const paused = block.pausable && control.pause.isSet();
    if (paused) {
      block.doorbell.setResting(true);
      Atomics.wait(control.pause.cells, control.pause.index, 1, IDLE_SLEEP_MS);
      block.doorbell.setResting(false);
    } else if (activity.asked && !activity.got && !activity.sent && block.inputs.length > 0) {
      const hasData = (): boolean => control.stop.isSet() || block.inputs.some((link) => link.hasPending);
      if (!this.pollWhileSendersAwake(hasData)) block.doorbell.sleep(IDLE_SLEEP_MS, hasData);
    }
  }

  /**
   * Polls the inputs for up to {@link IDLE_SPIN} while one of their senders
   * is awake: a sender asleep cannot send before it wakes up, which takes
   * longer than the doorbell, and spinning would only take its core.
   * @returns whether data (or the stop) came
   */
  private pollWhileSendersAwake(hasData: () => boolean): boolean {
    const inputs = this.block.inputs;
    const end = monotonic() + IDLE_SPIN;
    do {
      if (hasData()) return true;
    } while (monotonic() < end && inputs.some((link) => !link.sender.doorbell.asleep));
    return false;
  }

  /** Gives the event loop its turn, then ends the tick. */
  private async yieldThenFinish(): Promise<void> {
    await yieldToEventLoop();
    this.lastYield = monotonic();
    this.finish(this.block.clock.time());
  }

  private finish(now: number): void {
    const { timed, block } = this;
    block.activity.asked = false;
    block.activity.got = false;
    block.activity.sent = false;
    timed.lastT = now;
    if (block.displayFreq && now - timed.lastFps! > DISPLAY_PERIOD) {
      block.log(LogLevel.INFO, `loops/s: ${timed.nLoops / (now - timed.lastFps!)}`);
      timed.nLoops = 0;
      timed.lastFps = now;
    }
  }
}
