import {
  BrokenBarrierError,
  GeneratorStop,
  KeyboardInterrupt,
  PrepareError,
  ReaderStop,
  StartTimeout,
} from '../errors.js';
import { LogLevel } from '../logging/levels.js';
import { describeError } from '../logging/logger.js';
import type { ControlBlock } from '../sync/control-block.js';
import type { Block } from './block.js';
import { LoopTimer } from './loop-timer.js';

/** Longest wait for the start signal once past the barrier (s). */
export const START_TIMEOUT = 1;

/**
 * Called with what made a Block fail (which method, the error), as soon as it
 * failed: the main thread names it in the run's `CrappyFail`.
 */
export type FailureListener = (cause: string) => void;

/**
 * Runs the whole life of one Block in the calling thread, as the original's
 * `Block.run()`: prepare → barrier → start (within 1 s) → begin → loop until
 * stop (skipping `loop()` while paused unless not pausable) → always set stop
 * and call finish. Never throws: a failure sets the run's raise event (or
 * kbi) and is passed to `onFailure`, a {@link PrepareError} is only logged, as a
 * warning, and {@link GeneratorStop} / {@link ReaderStop} end the run quietly.
 */
export async function runBlock(block: Block, control: ControlBlock, onFailure?: FailureListener): Promise<void> {
  if (block.controlBlock !== control) block.attachRun(control);
  const timer = new LoopTimer(block, control);
  let step = 'prepare()';
  try {
    try {
      await block.prepare();
    } catch (error) {
      control.barrier.abort();
      throw error;
    }
    try {
      await control.barrier.waitAsync();
    } catch (error) {
      if (error instanceof BrokenBarrierError) {
        throw new PrepareError(`${block.name}: another Block failed while preparing, or the run was interrupted`);
      }
      throw error;
    }
    step = 'waiting for the start';
    if (!(await control.start.waitAsync(START_TIMEOUT))) {
      throw new StartTimeout(`${block.name}: the run did not start within ${START_TIMEOUT} s of the barrier`);
    }
    step = 'begin()';
    await block.begin();
    step = 'loop()';
    timer.start();
    while (!control.stop.isSet()) {
      if (!block.pausable || !control.pause.isSet()) {
        const pending = block.loop();
        if (pending) await pending;
      }
      const waiting = timer.tick();
      if (waiting) await waiting;
    }
  } catch (error) {
    reportFailure(block, control, error, step, onFailure);
  } finally {
    control.stop.set();
    block.finishing = true;
    try {
      await block.finish();
    } catch (error) {
      reportFailure(block, control, error, 'finish()', onFailure);
    } finally {
      block.finishing = false;
    }
  }
}

function reportFailure(block: Block, control: ControlBlock, error: unknown, step: string, onFailure?: FailureListener): void {
  if (error instanceof PrepareError) {
    block.log(LogLevel.WARNING, error.message);
  } else if (error instanceof GeneratorStop || error instanceof ReaderStop) {
    block.log(LogLevel.WARNING, `${error.name}: ${error.message || 'end of the run requested'}`);
  } else if (error instanceof KeyboardInterrupt) {
    block.log(LogLevel.INFO, `KeyboardInterrupt caught in ${step}`);
    control.kbi.set();
  } else {
    block.log(LogLevel.ERROR, `Exception in ${step}: ${describeError(error)}`);
    control.raise.set();
    onFailure?.(`${block.name} failed in ${step}: ${errorSummary(error)}`);
  }
}

/** The first line of an error's description: its class and message, without the stack. */
function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return `${error.name}: ${error.message}`.split('\n')[0]!;
}
