import { Barrier, BARRIER_CELLS } from './barrier.js';
import { SharedEvent } from './shared-event.js';
import { SharedValue } from './shared-value.js';

const EVENT_NAMES = ['start', 'pause', 'stop', 'raise', 'kbi'] as const;
/** Name of one of the run's shared events. */
export type RunEventName = (typeof EVENT_NAMES)[number];

const INT_CELLS = BARRIER_CELLS + EVENT_NAMES.length;
const FLOAT_OFFSET_BYTES = Math.ceil((INT_CELLS * 4) / 8) * 8;
const FLOAT_CELLS = 2;

/**
 * The shared state of one run, in a single `SharedArrayBuffer` handed to
 * every Block's worker: the start barrier, the events start, pause, stop,
 * raise and kbi, the shared `t0`, and the clock anchor that lets every thread
 * compute the same `time()`.
 */
export class ControlBlock {
  /** Released once every Block is prepared and the main thread is ready to start. */
  readonly barrier: Barrier;
  /** Set by the main thread right after `t0`: Blocks may begin. */
  readonly start: SharedEvent;
  /** While set, pausable Blocks skip `loop()`. */
  readonly pause: SharedEvent;
  /** Set when the run must end, by any Block or the main thread. */
  readonly stop: SharedEvent;
  /** Set when a Block failed: the run ends with `CrappyFail`. */
  readonly raise: SharedEvent;
  /** Set on Ctrl+C: the run ends with `KeyboardInterrupt`. */
  readonly kbi: SharedEvent;
  /** Start time of the run, in seconds since the epoch; −1 until set. */
  readonly t0: SharedValue;
  /** Epoch time minus monotonic time, so that every thread reads the same clock. */
  readonly clockAnchor: SharedValue;

  /** Wraps an existing buffer (made by {@link ControlBlock.create}). */
  constructor(readonly buffer: SharedArrayBuffer) {
    const ints = new Int32Array(buffer, 0, INT_CELLS);
    const floats = new Float64Array(buffer, FLOAT_OFFSET_BYTES, FLOAT_CELLS);
    this.barrier = new Barrier(ints, 0);
    const events = EVENT_NAMES.map((_, i) => new SharedEvent(ints, BARRIER_CELLS + i));
    [this.start, this.pause, this.stop, this.raise, this.kbi] = events as [SharedEvent, SharedEvent, SharedEvent, SharedEvent, SharedEvent];
    this.t0 = new SharedValue(floats, 0);
    this.clockAnchor = new SharedValue(floats, 1);
  }

  /**
   * Allocates the control block of a run with `parties` barrier parties
   * (Blocks + the main thread), `t0` at −1 and every event clear.
   */
  static create(parties: number, clockAnchor: number): ControlBlock {
    const control = new ControlBlock(new SharedArrayBuffer(FLOAT_OFFSET_BYTES + FLOAT_CELLS * 8));
    control.barrier.init(parties);
    control.t0.value = -1;
    control.clockAnchor.value = clockAnchor;
    return control;
  }

  /** The event called `name`. */
  event(name: RunEventName): SharedEvent {
    return this[name];
  }
}
