/**
 * The original's class-level API of `Block`, for scripts and tests ported
 * from Crappy in Python: `Block.preparedAll`, `Block.stopEvent`,
 * `Block.startAll()`… (the original's `Block.prepared_all`,
 * `Block.stop_event`, `Block.start_all()`). Each is a view of this thread's
 * run state or a call of the function of the same role; new code uses
 * `crappy.start()`, `crappy.runState` and the Block's own methods instead.
 * Importing `@crappy/core` (or `crappy`) installs them.
 * @module
 */
import { Block } from '../block/block.js';
import { runState } from '../block/run-state.js';
import type { LogSinkFn } from '../logging/log-record.js';
import { launch, prepare, renice, reset, start, stop } from '../runtime/run-api.js';
import type { LaunchOptions, PrepareOptions, ReniceOptions, StartOptions } from '../runtime/run-options.js';
import type { Barrier } from '../sync/barrier.js';
import type { SharedEvent } from '../sync/shared-event.js';
import type { SharedValue } from '../sync/shared-value.js';

declare module '../block/block.js' {
  // Static members merged into the class Block, the original's class attributes and methods.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Block {
    /** The Blocks created since the last `reset()`, in creation order. */
    const instances: readonly Block[];
    /** The names given since the last `reset()`. */
    const names: readonly string[];
    /** Whether the current run is prepared (its workers are started). Tests may set it, as the original's do. */
    let preparedAll: boolean;
    /** Whether the current run is launched. Tests may set it, as the original's do. */
    let launchedAll: boolean;
    /** Whether the current run must not throw at its end. */
    let noRaise: boolean;
    /** Whether the main thread asked its helpers to stop. */
    let threadStop: boolean;
    /** The run's shared `t0` (−1 until the start), `null` outside a run. */
    const sharedT0: SharedValue | null;
    /** The run's start barrier (one party per Block, plus the main thread), `null` outside a run. */
    const readyBarrier: Barrier | null;
    /** The run's start event, `null` outside a run. */
    const startEvent: SharedEvent | null;
    /** The run's stop event, `null` outside a run. */
    const stopEvent: SharedEvent | null;
    /** The run's pause event, `null` outside a run. */
    const pauseEvent: SharedEvent | null;
    /** The run's raise event (a Block failed), `null` outside a run. */
    const raiseEvent: SharedEvent | null;
    /** The run's kbi event (Ctrl+C), `null` outside a run. */
    const kbiEvent: SharedEvent | null;
    /** Where this thread's log records go during a run (the original's log queue), `null` outside a run. */
    const logQueue: LogSinkFn | null;
    /** The original's log thread: always `null` here, the Blocks' records reach the main thread as worker messages. */
    const logThread: null;
    /** The original's `Block.start_all()`: same as `crappy.start()`. */
    function startAll(options?: StartOptions): Promise<void>;
    /** The original's `Block.prepare_all()`: same as `crappy.prepare()`. */
    function prepareAll(options?: PrepareOptions): Promise<void>;
    /** The original's `Block.renice_all()`: same as `crappy.renice()`. */
    function reniceAll(options?: ReniceOptions): Promise<void>;
    /** The original's `Block.launch_all()`: same as `crappy.launch()`. */
    function launchAll(options?: LaunchOptions): Promise<void>;
    /** The original's `Block.stop_all()`: same as `crappy.stop()`. */
    function stopAll(): void;
    /** The original's `Block.reset()`: same as `crappy.reset()`. */
    function reset(): void;
  }
}

/** A read-only view of the run state. */
const view = (get: () => unknown): PropertyDescriptor => ({ get, configurable: true });
/** A view that tests may also set, as the original's tests set the class attributes. */
const settable = (key: 'preparedAll' | 'launchedAll' | 'noRaise' | 'threadStop'): PropertyDescriptor => ({
  get: () => runState[key],
  set: (value: boolean) => {
    runState[key] = value;
  },
  configurable: true,
});
const method = (value: (...args: never[]) => unknown): PropertyDescriptor => ({ value, configurable: true, writable: true });

Object.defineProperties(Block, {
  instances: view(() => runState.instances),
  names: view(() => runState.names),
  preparedAll: settable('preparedAll'),
  launchedAll: settable('launchedAll'),
  noRaise: settable('noRaise'),
  threadStop: settable('threadStop'),
  sharedT0: view(() => runState.control?.t0 ?? null),
  readyBarrier: view(() => runState.control?.barrier ?? null),
  startEvent: view(() => runState.control?.start ?? null),
  stopEvent: view(() => runState.control?.stop ?? null),
  pauseEvent: view(() => runState.control?.pause ?? null),
  raiseEvent: view(() => runState.control?.raise ?? null),
  kbiEvent: view(() => runState.control?.kbi ?? null),
  logQueue: view(() => runState.logSink),
  logThread: view(() => null),
  startAll: method((options?: StartOptions) => start(options)),
  prepareAll: method((options?: PrepareOptions) => prepare(options)),
  reniceAll: method((options?: ReniceOptions) => renice(options)),
  launchAll: method((options?: LaunchOptions) => launch(options)),
  stopAll: method(() => stop()),
  reset: method(() => reset()),
});
