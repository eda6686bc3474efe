/**
 * The run functions of the public API. The same script runs in the main
 * thread, where they run the test, and in every Block's worker, where they
 * host that Block: which of the two is chosen once, here, when the module
 * loads.
 * @module
 */
import { checkOptions } from '../options/check-options.js';
import { resetRunState, runState } from '../block/run-state.js';
import { extensionKeys, launchInMain, prepareInMain, reniceInMain, resetInMain } from './orchestrator.js';
import type { LaunchOptions, PrepareOptions, ReniceOptions, StartOptions } from './run-options.js';
import { workerInfo } from './worker-info.js';
import { launchInWorker, prepareInWorker, reniceInWorker } from './worker-run.js';

/** What `prepare()`, `renice()`, `launch()` and `reset()` do in this thread. */
interface RunSteps {
  prepare(options: PrepareOptions): Promise<void>;
  renice(options: ReniceOptions): Promise<void>;
  launch(options: LaunchOptions): Promise<void>;
  reset(): void;
}

const info = workerInfo;
const steps: RunSteps =
  info === undefined
    ? { prepare: prepareInMain, renice: reniceInMain, launch: launchInMain, reset: resetInMain }
    : {
        prepare: () => prepareInWorker(info),
        renice: async () => reniceInWorker(info),
        launch: async () => launchInWorker(info),
        reset: resetRunState,
      };

/**
 * Prepares a run: creates its control block and log sink, and starts one
 * worker thread per Block; each worker re-runs the script, rebuilds the
 * graph and calls its Block's `prepare()`, then waits at the start barrier.
 * @throws CrappyFail when a run is already prepared or launched
 */
export function prepare(options: PrepareOptions = {}): Promise<void> {
  return steps.prepare(options);
}

/**
 * Applies each Block's `niceness` to its own thread (below 0 only with
 * `allowRoot`); no-op on Windows. Waits until every worker has done it.
 * @throws Error before prepare(); CrappyFail after launch()
 */
export function renice(options: ReniceOptions = {}): Promise<void> {
  return steps.renice(options);
}

/**
 * Launches a prepared run: waits at the start barrier, sets `t0` and the
 * start event, waits until any Block ends, then stops the others (3.5 s
 * grace, then terminated) and cleans up.
 * @throws CrappyFail when a Block failed; KeyboardInterrupt after Ctrl+C (unless `noRaise`)
 */
export function launch(options: LaunchOptions = {}): Promise<void> {
  return steps.launch(options);
}

/**
 * Prepares, renices and launches a run: the usual way to run a script.
 * In a Block's worker, it hosts that Block instead and never returns.
 */
export async function start(options: StartOptions = {}): Promise<void> {
  const { logLevel, entry, allowRoot, noRaise, ...extensionOptions } = options;
  checkOptions(options, ['logLevel', 'entry', 'allowRoot', 'noRaise', ...extensionKeys()], 'start()');
  await prepare({ logLevel, entry, ...extensionOptions });
  await renice({ allowRoot });
  await launch({ noRaise });
}

/** Asks every Block of the current run to stop; does nothing outside a run. */
export function stop(): void {
  runState.control?.stop.set();
}

/**
 * Forgets every Block and Link created so far and the run state (class
 * registries stay). Runs at the end of every run.
 */
export function reset(): void {
  steps.reset();
}
