/**
 * The main thread's side of a run: prepare, renice and launch it, watch its
 * workers, handle Ctrl+C, clean up and say how it ended. The public
 * functions that call these, in the main thread or in a worker, are in
 * `run-api.ts`.
 * @module
 */
import type { Block } from '../block/block.js';
import { BrokenBarrierError, CrappyFail, KeyboardInterrupt } from '../errors.js';
import { LogLevel, parseLevel } from '../logging/levels.js';
import { LogSink } from '../logging/log-sink.js';
import { describeError, Logger } from '../logging/logger.js';
import { checkOptions } from '../options/check-options.js';
import { freqOption, labelsOption, nicenessOption } from '../options/values.js';
import { ControlBlock } from '../sync/control-block.js';
import { clockAnchor, systemClock } from '../time/clock.js';
import { BlockWorker } from './block-worker.js';
import { workerEntry, workerExecArgv, type WorkerEntry } from './entry-script.js';
import { runExtensions, type RunContext, type RunExtension } from './extensions.js';
import { graphSignature } from './graph.js';
import { historyBefore, recordFailure, type RunStep } from './run-history.js';
import { emitRunEvent } from './run-events.js';
import { RunMonitor } from './run-monitor.js';
import { resetRunState, runState } from '../block/run-state.js';
import { session } from './session.js';
import type { LaunchOptions, PrepareOptions, ReniceOptions } from './run-options.js';
import type { WorkerMessage } from './worker-info.js';


/**
 * How long Blocks get to finish once stop is set, before they are
 * terminated (ms): "more than 3 s", which the original, polling every
 * 0.5 s, reaches at 3.5 s. The run ends earlier when every Block is done.
 */
const STOP_GRACE_MS = 3500;

/**
 * A SIGINT that comes within this time of the first one is the same Ctrl+C
 * (ms): launchers such as tsx and npm relay to the script the signal that the
 * terminal already sent to its whole process group, tens of milliseconds
 * later, more on a loaded machine. A person pressing Ctrl+C again to end the
 * Blocks at once does it later than that.
 */
const SAME_CTRL_C_MS = 1000;

/** The main thread's side of the current run. */
export interface MainRun {
  workers: BlockWorker[];
  sink: LogSink;
  logger: Logger;
  control: ControlBlock;
  onSigint: () => void;
  /** What made the run fail, in order (a Block's error, a thread's exit...), for the `CrappyFail`. */
  failures: string[];
  /** Turns pauses and dropped messages into run events while the run goes. */
  monitor: RunMonitor;
  /** Whether the `'stopping'` state was announced. */
  stopping: boolean;
  /** When the first Ctrl+C of the run came (`performance.now()`), or null. */
  firstInterruptMs: number | null;
  extensions: RunExtension[];
  /** Which `prepare()` call of the script made this run (1 for the first). */
  call: number;
}


/**
 * Prepares a run: creates its control block and log sink, and starts one
 * worker thread per Block; each worker re-runs the script, rebuilds the
 * graph and calls its Block's `prepare()`, then waits at the start barrier.
 * @throws CrappyFail when a run is already prepared or launched
 */
export async function prepareInMain(options: PrepareOptions = {}): Promise<void> {
  session.prepareCalls += 1;
  const call = session.prepareCalls;
  await recordingFailure(call, 'prepare', () => prepareRun(options, call));
}

async function prepareRun(options: PrepareOptions, call: number): Promise<void> {
  if (runState.preparedAll) return failOrder('prepare() was called twice: the run is already prepared');
  if (runState.launchedAll) return failOrder('prepare() was called after launch()');
  checkOptions(options, ['logLevel', 'entry', ...extensionKeys()], 'prepare()');
  const logLevel = options.logLevel === null ? null : parseLevel(options.logLevel ?? LogLevel.DEBUG, 'logLevel');
  const blocks = [...runState.instances];
  // Derived from the Blocks' outputs at each access: taken once for the whole prepare.
  const links = runState.links;
  blocks.forEach(checkBlockOptions);
  // Node boots the Blocks' threads while the entry compiles; they load it once handed their run.
  const workers = blocks.map((block) => new BlockWorker(block, workerExecArgv()));
  let entry: WorkerEntry;
  try {
    entry = await workerEntry(options.entry);
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }

  const sink = new LogSink();
  sink.open();
  runState.logSink = (record) => {
    sink.write(record);
    emitRunEvent('log', record);
  };
  runState.logLevel = logLevel;
  const logger = new Logger('crappy', logLevel ?? Infinity, runState.logSink);
  const control = ControlBlock.create(blocks.length + 1, clockAnchor());
  runState.control = control;
  runState.script = entry.script;
  blocks.forEach((block) => block.attachRun(control));
  const extensions = runExtensions();
  const extensionData: Record<string, unknown> = {};
  try {
    for (const extension of extensions) {
      const context: RunContext = {
        blocks,
        links,
        control,
        options: extension.optionKey === undefined ? undefined : (options as Record<string, unknown>)[extension.optionKey],
        log: (level, message) => logger.log(level, message),
        post: (blockIndex, data) => session.run?.workers[blockIndex]?.post({ type: 'extension', name: extension.name, data }),
        workerData: undefined,
      };
      await extension.onPrepare?.(context);
      extensionData[extension.name] = context.workerData;
    }
  } catch (error) {
    // Nothing started yet: undo this run's objects, keep the script's graph.
    for (const extension of extensions) await extension.onCleanup?.();
    await Promise.all(workers.map((worker) => worker.terminate()));
    sink.close();
    runState.control = null;
    runState.logSink = null;
    runState.script = null;
    throw error;
  }

  const info = {
    runIndex: call,
    history: historyBefore(call),
    control: control.buffer,
    links: links.map((link) => link.buffer),
    doorbells: blocks.map((block) => block.doorbell.buffer),
    logLevel,
    script: entry.script,
    graph: graphSignature(blocks, links),
    extensions: extensionData,
  };
  const current: MainRun = {
    workers: [],
    sink,
    logger,
    control,
    failures: [],
    monitor: new RunMonitor(control, links),
    stopping: false,
    firstInterruptMs: null,
    extensions,
    call,
    onSigint: () => interrupt(current),
  };
  session.run = current;
  emitRunEvent('state', 'preparing');
  process.on('SIGINT', current.onSigint);
  logger.log(LogLevel.INFO, `Starting ${blocks.length} Block${blocks.length === 1 ? '' : 's'}`);
  warnUnlinked(blocks, logger);
  /** A worker failed on its own: the run fails and stops. */
  const failRun = (worker: BlockWorker, message: string): void => {
    logger.log(LogLevel.ERROR, message);
    noteFailure(current, worker.block.name, message);
    control.raise.set();
    control.stop.set();
  };
  current.workers = workers;
  workers.forEach((worker, blockIndex) =>
    worker.host(entry, { ...info, blockIndex }, {
      message: (worker, message) => onWorkerMessage(current, worker, message),
      error: (worker, error) => failRun(worker, `The thread of ${worker.block.name} failed: ${describeError(error)}`),
      exit: (worker, code) => {
        const early = !control.start.isSet() && !control.barrier.broken;
        if (!worker.terminated && !control.raise.isSet() && (code !== 0 || early)) {
          const when = early ? ' before the run started' : '';
          failRun(worker, `The thread of ${worker.block.name} exited${when} with code ${code}`);
        }
        if (!control.start.isSet()) control.barrier.abort();
      },
    }),
  );
  wakeSleepersOnStop(current);
  runState.preparedAll = true;
}

/**
 * Applies each Block's `niceness` to its own thread (below 0 only with
 * `allowRoot`); no-op on Windows. Waits until every worker has done it.
 * @throws Error before prepare(); CrappyFail after launch()
 */
export async function reniceInMain(options: ReniceOptions = {}): Promise<void> {
  await recordingFailure(session.run?.call, 'renice', () => reniceRun(options));
}

async function reniceRun(options: ReniceOptions): Promise<void> {
  if (!runState.preparedAll) throw new Error('renice() was called before prepare(): call prepare() first');
  if (runState.launchedAll) return failOrder('renice() was called after launch()');
  try {
    checkOptions(options, ['allowRoot'], 'renice()');
  } catch (error) {
    return stopPreparedRun(error);
  }
  const { workers, control } = session.run!;
  // A Block stuck in prepare() never answers; a failure or Ctrl+C sets stop and ends the wait.
  const stopped = control.stop.waitAsync();
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.worker.on('message', function acknowledged(message: WorkerMessage) {
            if (message.type !== 'reniced') return;
            worker.worker.off('message', acknowledged);
            resolve();
          });
          void worker.exited.then(() => resolve());
          void stopped.then(() => resolve());
          worker.post({ type: 'renice', allowRoot: options.allowRoot === true });
        }),
    ),
  );
}

/**
 * Launches a prepared run: waits at the start barrier, sets `t0` and the
 * start event, waits until any Block ends, then stops the others (3.5 s
 * grace, then terminated) and cleans up.
 * @throws CrappyFail when a Block failed; KeyboardInterrupt after Ctrl+C (unless `noRaise`)
 */
export async function launchInMain(options: LaunchOptions = {}): Promise<void> {
  await recordingFailure(session.run?.call, 'launch', () => launchRun(options));
}

async function launchRun(options: LaunchOptions): Promise<void> {
  runState.noRaise = options.noRaise === true;
  if (!runState.preparedAll) throw new Error('launch() was called before prepare(): call prepare() first');
  if (runState.launchedAll) return failOrder('launch() was called twice: the run is already launched');
  try {
    checkOptions(options, ['noRaise'], 'launch()');
  } catch (error) {
    return stopPreparedRun(error);
  }
  runState.launchedAll = true;
  const current = session.run!;
  const { control, logger, workers } = current;
  try {
    await control.barrier.waitAsync();
    control.t0.value = systemClock.time();
    control.start.set();
    emitRunEvent('state', 'running');
    current.monitor.start();
    logger.log(LogLevel.INFO, 'All Blocks ready, starting the test');
    if (workers.length === 0) logger.log(LogLevel.WARNING, 'No Block to run: the run ends at once');
    // Cleanup (and its grace period) starts when a Block ends or anyone asks to stop (a Block, stop(), Ctrl+C).
    else await Promise.race([...workers.map((worker) => worker.exited), control.stop.waitAsync()]);
  } catch (error) {
    if (!(error instanceof BrokenBarrierError)) throw error;
    logger.log(LogLevel.INFO, 'A Block failed while preparing, or the run was interrupted: stopping');
  }
  await cleanup(options.noRaise !== true);
}

/**
 * Forgets every Block and Link created so far and the run state (class
 * registries stay), and the main thread's run. Runs at the end of every run.
 */
export function resetInMain(): void {
  if (session.run !== null) releaseSigint(session.run);
  session.run = null;
  resetRunState();
}

/**
 * Ends the run: stops the Blocks, cleans up, resets, then throws
 * `CrappyFail` naming what failed, or `KeyboardInterrupt`, when `raise`.
 * @param raise whether to throw at the end of a failed or interrupted run
 * @param failure a failure of the main thread's own, which fails the run
 */
async function cleanup(raise: boolean, failure?: string): Promise<never | void> {
  const current = session.run;
  const failures = failure === undefined ? [] : [failure];
  let raised = failure !== undefined;
  try {
    if (current !== null) raised = (await stopWorkers(current)) || raised;
  } catch (error) {
    const message = `Error while stopping the run: ${describeError(error)}`;
    current?.logger.log(LogLevel.ERROR, message);
    current?.failures.push(message);
    raised = true;
  } finally {
    failures.push(...(current?.failures ?? []));
    const control = current?.control;
    let failed = raised || control?.raise.isSet() === true;
    const interrupted = control?.kbi.isSet() === true;
    for (const extension of current?.extensions ?? []) {
      try {
        await extension.onCleanup?.();
      } catch (error) {
        // A failed cleanup fails the run, once every extension had its turn.
        const message = `Error while stopping ${extension.name}: ${describeError(error)}`;
        current?.logger.log(LogLevel.ERROR, message);
        failures.push(message);
        failed = true;
      }
    }
    current?.logger.log(LogLevel.INFO, 'Crappy stopped');
    current?.sink.close();
    resetInMain();
    if (current !== null) {
      emitRunEvent('state', 'ended');
      emitRunEvent('end', { outcome: failed ? 'failed' : interrupted ? 'interrupted' : 'completed', failures });
    }
    if (failed && raise) throw runFailure(failures);
    if (interrupted && raise) throw new KeyboardInterrupt();
  }
}

/** Sets stop, gives the Blocks their grace period, terminates the rest. Returns whether some had to be terminated. */
async function stopWorkers(current: MainRun): Promise<boolean> {
  const { control, workers, logger } = current;
  control.stop.set();
  enterStopping(current);
  wakeAll(current);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(workers.map((worker) => worker.exited)),
    new Promise((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS))),
  ]);
  clearTimeout(timer);
  const stragglers = workers.filter((worker) => worker.alive);
  for (const worker of stragglers) {
    const message = `${worker.block.name} did not stop within ${STOP_GRACE_MS / 1000} s: terminating it (its finish() did not complete)`;
    logger.log(LogLevel.ERROR, message);
    noteFailure(current, worker.block.name, message);
  }
  await Promise.all(stragglers.map((worker) => worker.terminate()));
  current.monitor.stop();
  reportLinks(logger);
  return stragglers.length > 0;
}

function reportLinks(logger: Logger): void {
  for (const link of runState.links) {
    const { sent, dropped, received } = link.stats;
    const text = `${link.name} (${link.sender.name} to ${link.receiver.name}): ${sent} messages sent, ${received} received, ${dropped} dropped`;
    logger.log(dropped > 0 ? LogLevel.WARNING : LogLevel.DEBUG, text);
  }
}

async function failOrder(message: string): Promise<never> {
  const current = session.run;
  current?.logger.log(LogLevel.ERROR, message);
  if (current === null) process.stderr.write(`crappy: ${message}\n`);
  runState.control?.raise.set();
  runState.control?.barrier.abort();
  await cleanup(true, message);
  throw runFailure([message]);
}

/**
 * The `CrappyFail` of a failed run, whose message says what failed first, so
 * that the last thing a user sees (Node prints an uncaught error's message)
 * is the cause; the log above it has the details. Its stack stops at the
 * message: the orchestrator's frames would tell the user nothing.
 */
function runFailure(failures: readonly string[]): CrappyFail {
  if (failures.length === 0) return new CrappyFail();
  const more = failures.length - 1;
  const others = more === 0 ? '' : ` (and ${more} more failure${more === 1 ? '' : 's'}, in the log above)`;
  const error = new CrappyFail(`The run failed: ${failures[0]}${others}`);
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

function interrupt(current: MainRun): void {
  const { control, logger } = current;
  const now = performance.now();
  if (current.firstInterruptMs !== null) {
    if (now - current.firstInterruptMs < SAME_CTRL_C_MS) return;
    logger.log(LogLevel.WARNING, 'Second Ctrl+C: terminating the Blocks without waiting for finish()');
    for (const worker of current.workers) void worker.terminate();
    return;
  }
  current.firstInterruptMs = now;
  logger.log(LogLevel.WARNING, 'Ctrl+C: stopping the run (press again to terminate the Blocks at once)');
  control.kbi.set();
  control.stop.set();
  if (!control.start.isSet()) control.barrier.abort();
}

/**
 * Removes the run's Ctrl+C handler, or, when a Ctrl+C came less than
 * {@link SAME_CTRL_C_MS} ago, keeps it until then, so that a launcher's late
 * copy of that signal cannot kill the script after its run ended.
 */
function releaseSigint(current: MainRun): void {
  const sinceCtrlC = current.firstInterruptMs === null ? Infinity : performance.now() - current.firstInterruptMs;
  if (sinceCtrlC >= SAME_CTRL_C_MS) {
    process.off('SIGINT', current.onSigint);
    return;
  }
  setTimeout(() => process.off('SIGINT', current.onSigint), SAME_CTRL_C_MS - sinceCtrlC).unref();
}

/** Notes what made the run fail, for its `CrappyFail`, and tells the `blockError` listeners. */
function noteFailure(current: MainRun, block: string, cause: string): void {
  current.failures.push(cause);
  emitRunEvent('blockError', { block, cause });
}

function onWorkerMessage(current: MainRun, worker: BlockWorker, message: WorkerMessage): void {
  if (message.type === 'log') runState.logSink?.(message.record);
  else if (message.type === 'failure') noteFailure(current, worker.block.name, message.cause);
  else if (message.type === 'report') worker.block.adoptRunReport(message.report);
  else if (message.type === 'extension') {
    current.extensions.find((extension) => extension.name === message.name)?.onMessage?.(current.workers.indexOf(worker), message.data);
  }
}

/** The options that the registered run extensions add to `prepare()` and `start()`. */
export function extensionKeys(): string[] {
  return runExtensions().flatMap((extension) => (extension.optionKey === undefined ? [] : [extension.optionKey]));
}

/** Wakes every Block sleeping on its inputs once the run stops, so that it sees the stop at once. */
function wakeSleepersOnStop(current: MainRun): void {
  void current.control.stop.waitAsync().then(() => {
    wakeAll(current);
    enterStopping(current);
  });
}

/** Tells the `state` listeners, once, that the run is stopping. */
function enterStopping(current: MainRun): void {
  if (current.stopping) return;
  current.stopping = true;
  emitRunEvent('state', 'stopping');
}

function wakeAll(current: MainRun): void {
  for (const worker of current.workers) worker.block.doorbell.wake();
}


/**
 * Runs `step` of the run of `prepare()` call number `call`, noting for the
 * workers of later runs how it failed, if it did (with no run, `call` is
 * undefined and nothing is noted).
 */
async function recordingFailure(call: number | undefined, step: RunStep, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (call !== undefined) recordFailure(call, step, error, runState.instances.length === 0 && runState.links.length === 0);
    throw error;
  }
}

/**
 * Stops the prepared run after a wrong option of `renice()` or `launch()`
 * (its workers would otherwise wait at the barrier for ever), then throws
 * that option's error.
 */
async function stopPreparedRun(error: unknown): Promise<never> {
  session.run?.logger.log(LogLevel.ERROR, `${(error as Error).message}: stopping the prepared run`);
  runState.control?.barrier.abort();
  await cleanup(false);
  throw error;
}

/**
 * Warns about each Block with no Link among other Blocks (nearly always a
 * forgotten `link()`), unless it is useful alone.
 */
function warnUnlinked(blocks: readonly Block[], logger: Logger): void {
  if (blocks.length < 2) return;
  for (const block of blocks) {
    if (block.inputs.length > 0 || block.outputs.length > 0 || block.runsWithoutLinks) continue;
    logger.log(LogLevel.WARNING, `${block.name} has no Link: it receives and sends nothing (a forgotten crappy.link()?)`);
  }
}

/** Checks the settings of a Block as they are at `prepare()`, which its own code may have changed after construction. */
function checkBlockOptions(block: Block): void {
  freqOption(block.freq, null, block.name);
  nicenessOption(block.niceness, block.name);
  block.labels = labelsOption(block.labels, block.name, 'labels');
}
