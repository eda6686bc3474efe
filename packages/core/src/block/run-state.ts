import type { Block } from './block.js';
import type { Link } from '../link/link.js';
import type { LogSinkFn } from '../logging/log-record.js';
import { LogLevel } from '../logging/levels.js';
import type { ControlBlock } from '../sync/control-block.js';

/**
 * The state of the current run, shared by the Blocks of this thread and the
 * orchestration functions: what the original keeps as class attributes of
 * `Block`. {@link reset} empties it.
 */
export interface RunState {
  /** Blocks created since the last reset, in creation order. */
  instances: Block[];
  /** Names given to those Blocks. */
  names: string[];
  /**
   * Links between those Blocks, in creation order: derived from the Blocks'
   * outputs (a Link joins its ends, which is all it does to join the run).
   */
  readonly links: Link[];
  /** Set once the run's workers are started. */
  preparedAll: boolean;
  /** Set once the run is launched. */
  launchedAll: boolean;
  /** Whether the run must not throw at its end. */
  noRaise: boolean;
  /** Set when the main thread asked its helpers to stop (the log relay). */
  threadStop: boolean;
  /** The run's control block, once prepared. */
  control: ControlBlock | null;
  /** Where this thread's log records go, during a run. */
  logSink: LogSinkFn | null;
  /** Global log threshold of the run; `null` disables logging. */
  logLevel: number | null;
  /** Absolute path of the script the run was started from (the main thread's entry), once prepared. */
  script: string | null;
}

/** The run state of this thread. */
export const runState: RunState = {
  instances: [],
  names: [],
  get links(): Link[] {
    return this.instances.flatMap((block) => block.outputs).sort((a, b) => a.order - b.order);
  },
  preparedAll: false,
  launchedAll: false,
  noRaise: false,
  threadStop: false,
  control: null,
  logSink: null,
  logLevel: LogLevel.DEBUG,
  script: null,
};

/** Empties the run state (the original's `Block.reset()`); class registries are kept. */
export function resetRunState(): void {
  runState.instances = [];
  runState.names = [];
  runState.preparedAll = false;
  runState.launchedAll = false;
  runState.noRaise = false;
  runState.threadStop = false;
  runState.control = null;
  runState.logSink = null;
  runState.logLevel = LogLevel.DEBUG;
  runState.script = null;
}
