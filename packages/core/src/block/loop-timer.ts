import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { LogLevel } from '../logging/levels.js';
import type { ControlBlock } from '../sync/control-block.js';
import { monotonic } from '../time/clock.js';
import type { Block } from './block.js';

/** Last part of a period that is busy-waited for precision (s). */
const PRECISE_SLICE = 0.002;
/** The loop lets the event loop run at least this often (s), so that async drivers progress. */
const YIELD_PERIOD = 0.01;
/** How long an idle free-running Block spins on its inputs before sleeping (s). */
const IDLE_SPIN = 1e-4;
/** Longest sleep of an idle free-running Block before it loops again (ms). */
const IDLE_SLEEP_MS = 10;
/** Window over which `displayFreq` averages (s). */
const DISPLAY_PERIOD = 2;

/** The internals of a Block the timer maintains. */
interface TimedBlock {
  _lastT: number | null;
  _lastFps: number | null;
  _nLoops: number;
}

/**
 * Keeps a Block at its `freq` between two loops, the way the original does
 * (sleep half the remaining time minus 2 ms, then busy-wait), except that
 * the sleeps are timers, so the Block's event loop keeps running. A
 * free-running Block that asked its inputs for data and got none sleeps
 * until a sender rings (or 10 ms), instead of burning a core.
 */
export class LoopTimer {
  private lastYield = monotonic();
  private readonly timed: TimedBlock;

  /**
   * @param block the Block to pace
   * @param control the run's control block
   */
  constructor(private readonly block: Block, private readonly control: ControlBlock) {
    this.timed = block as unknown as TimedBlock;
  }

  /** Starts the bookkeeping: called once after `begin()`. */
  start(): void {
    const now = this.block.clock.time();
    this.timed._lastT = now;
    this.timed._lastFps = now;
    this.timed._nLoops = 0;
  }

  /** Runs between two loops; returns a Promise only when it had to wait asynchronously. */
  tick(): void | Promise<void> {
    const block = this.block;
    this.timed._nLoops += 1;
    const freq = block.freq;
    if (freq !== null && freq !== undefined) {
      const target = this.timed._lastT! + 1 / freq;
      const remaining = target - block.clock.time();
      if (remaining / 2 - PRECISE_SLICE > 0) return this.sleepUntil(target);
      // The event loop's turn (tens of µs, sometimes more) comes before the precise wait, not
      // after it, so that it does not lengthen the period.
      if (monotonic() + Math.max(0, remaining) - this.lastYield > YIELD_PERIOD) return this.yieldThenFinish(target);
      this.spinUntil(target);
      this.finish(block.clock.time());
      return;
    }
    this.idle();
    if (monotonic() - this.lastYield > YIELD_PERIOD) return this.yieldThenFinish();
    this.finish(block.clock.time());
  }

  private async sleepUntil(target: number): Promise<void> {
    const clock = this.block.clock;
    for (;;) {
      const remaining = target - clock.time();
      if (remaining <= 0) break;
      const sleep = remaining / 2 - PRECISE_SLICE;
      if (sleep <= 0) {
        this.spinUntil(target);
        break;
      }
      await clock.sleep(sleep);
    }
    this.lastYield = monotonic();
    this.finish(clock.time());
  }

  private spinUntil(target: number): void {
    const clock = this.block.clock;
    while (clock.time() < target) {
      /* busy-wait the last slice for precision */
    }
  }

  private idle(): void {
    const { block, control } = this;
    const { activity } = block;
    const paused = block.pausable && control.pause.isSet();
    if (paused) {
      Atomics.wait(control.pause.cells, control.pause.index, 1, IDLE_SLEEP_MS);
    } else if (activity.asked && !activity.got && !activity.sent && block.inputs.length > 0) {
      const hasData = (): boolean => control.stop.isSet() || block.inputs.some((link) => link.hasPending);
      const spinEnd = monotonic() + IDLE_SPIN;
      let ready = false;
      while (!ready && monotonic() < spinEnd) ready = hasData();
      if (!ready) block.doorbell.sleep(IDLE_SLEEP_MS, hasData);
    }
  }

  /** Gives the event loop its turn, then waits until `target` if one is given, then ends the tick. */
  private async yieldThenFinish(target?: number): Promise<void> {
    await yieldToEventLoop();
    this.lastYield = monotonic();
    if (target !== undefined) this.spinUntil(target);
    this.finish(this.block.clock.time());
  }

  private finish(now: number): void {
    const { timed, block } = this;
    block.activity.asked = false;
    block.activity.got = false;
    block.activity.sent = false;
    timed._lastT = now;
    if (block.displayFreq && now - timed._lastFps! > DISPLAY_PERIOD) {
      block.log(LogLevel.INFO, `loops/s: ${timed._nLoops / (now - timed._lastFps!)}`);
      timed._nLoops = 0;
      timed._lastFps = now;
    }
  }
}
