import { parentPort } from 'node:worker_threads';
import type { Block } from '../block/block.js';
import { runBlock } from '../block/run-block.js';
import { DefinitionError } from '../errors.js';
import { Doorbell } from '../link/doorbell.js';
import { LogLevel } from '../logging/levels.js';
import { describeError, Logger } from '../logging/logger.js';
import { ControlBlock } from '../sync/control-block.js';
import { setClockAnchor } from '../time/clock.js';
import { runExtensions } from './extensions.js';
import { graphDifference, graphSignature } from './graph.js';
import { reniceThisThread } from './renice.js';
import { replayFailure } from './run-history.js';
import { resetRunState, runState } from '../block/run-state.js';
import { session } from './session.js';
import type { MainMessage, WorkerInfo, WorkerMessage } from './worker-info.js';


/**
 * `launch()` in a Block worker: leaves a skipped run (a `start()` call before
 * the one it hosts a Block of), so that the script goes on to build the next
 * graph, throwing what that `launch()` threw in the main thread.
 */
export function launchInWorker(info: WorkerInfo): void {
  if (!session.skipping) return;
  session.skipping = false;
  resetRunState();
  replayFailure(info.history, session.prepareCalls, 'launch', resetRunState);
}

/** `renice()` in a Block worker: of a skipped run, throws what it threw in the main thread. */
export function reniceInWorker(info: WorkerInfo): void {
  if (!session.skipping) return;
  try {
    replayFailure(info.history, session.prepareCalls, 'renice', resetRunState);
  } catch (error) {
    session.skipping = false;
    throw error;
  }
}

/**
 * `prepare()` in a Block worker. A call that failed in the main thread
 * fails here the same way; before the run this worker was made for, it
 * returns at once (the main thread ran that run already); at that run, it
 * hosts its Block for the whole run and ends the thread, so the Promise it
 * returns then never settles.
 */
export function prepareInWorker(info: WorkerInfo): Promise<void> {
  session.prepareCalls += 1;
  try {
    replayFailure(info.history, session.prepareCalls, 'prepare', resetRunState);
  } catch (error) {
    session.skipping = false;
    return Promise.reject(error);
  }
  if (session.prepareCalls < info.runIndex) {
    session.skipping = true;
    return Promise.resolve();
  }
  return hostBlock(info);
}

async function hostBlock(info: WorkerInfo): Promise<never> {
  const port = parentPort!;
  const post = (message: WorkerMessage): void => port.postMessage(message);
  runState.logSink = (record) => post({ type: 'log', record });
  runState.logLevel = info.logLevel;
  runState.script = info.script;
  const control = new ControlBlock(info.control);
  setClockAnchor(control.clockAnchor.value);

  // Derived from the Blocks' outputs at each access: taken once.
  const links = runState.links;
  const difference = graphDifference(info.graph, graphSignature(runState.instances, links));
  const block = runState.instances[info.blockIndex];
  if (difference !== null || block === undefined) {
    new Logger('crappy', LogLevel.ERROR, runState.logSink).log(
      LogLevel.ERROR,
      describeError(
        new DefinitionError(
          `The worker of Block #${info.blockIndex} rebuilt a different graph than the main thread (${difference ?? 'Block missing'}). ` +
            'The script must build the same Blocks and Links every time it runs: do not build them from random numbers, dates or files that change.',
        ),
      ),
    );
    control.raise.set();
    control.barrier.abort();
    control.stop.set();
    process.exit(1);
  }

  links.forEach((link, i) => link.attach(info.links[i]!));
  runState.instances.forEach((other, i) => {
    if (other !== block) other.attachDoorbell(new Doorbell(info.doorbells[i]!));
  });
  runState.control = control;
  runState.preparedAll = true;
  block.attachRun(control, new Doorbell(info.doorbells[info.blockIndex]!));

  port.on('message', (message: MainMessage) => {
    if (message.type === 'renice') {
      reniceThisThread(block, message.allowRoot);
      post({ type: 'reniced' });
    }
  });

  for (const extension of runExtensions()) extension.onWorker?.(block, info.blockIndex, info.extensions?.[extension.name]);
  await runBlock(block, control, (cause) => post({ type: 'failure', cause }));
  sendRunReport(block, post);
  process.exit(0);
}

/** Hands the main thread what the Block learnt in its run; a report that fails is logged, never fatal. */
function sendRunReport(block: Block, post: (message: WorkerMessage) => void): void {
  try {
    const report = block.runReport();
    if (report !== undefined) post({ type: 'report', report });
  } catch (error) {
    block.log(LogLevel.ERROR, `Could not hand the main thread the result of the run: ${describeError(error)}`);
  }
}
