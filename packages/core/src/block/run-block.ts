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
 * Runs the whole life of one Block in the calling thread, as the original's
 * `Block.run()`: prepare → barrier → start (within 1 s) → begin → loop until
 * stop (skipping `loop()` while paused unless not pausable) → always set stop
 * and call finish. Never throws: a failure sets the run's raise event (or
 * kbi), a {@link PrepareError} is only logged, and {@link GeneratorStop} /
 * {@link ReaderStop} end the run quietly.
 */
export async function runBlock(block: Block, control: ControlBlock): Promise<void> {
  if (block.controlBlock !== control) block.attachRun(control);
  const timer = new LoopTimer(block, control);
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
    if (!(await control.start.waitAsync(START_TIMEOUT))) {
      throw new StartTimeout(`${block.name}: the run did not start within ${START_TIMEOUT} s of the barrier`);
    }
    await block.begin();
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
    reportFailure(block, control, error);
  } finally {
    control.stop.set();
    block.finishing = true;
    try {
      await block.finish();
    } catch (error) {
      reportFailure(block, control, error, 'finish()');
    } finally {
      block.finishing = false;
    }
  }
}

function reportFailure(block: Block, control: ControlBlock, error: unknown, where?: string): void {
  const context = where ? ` in ${where}` : '';
  if (error instanceof PrepareError) {
    block.log(LogLevel.ERROR, error.message);
  } else if (error instanceof GeneratorStop || error instanceof ReaderStop) {
    block.log(LogLevel.WARNING, `${error.name}: ${error.message || 'end of the run requested'}`);
  } else if (error instanceof KeyboardInterrupt) {
    block.log(LogLevel.INFO, `KeyboardInterrupt caught${context}`);
    control.kbi.set();
  } else {
    block.log(LogLevel.ERROR, `Exception${context}: ${describeError(error)}`);
    control.raise.set();
  }
}
