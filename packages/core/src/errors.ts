/**
 * The exceptions of Crappy. Their names match the Python original so that a
 * lab's knowledge (and its log files) carry over.
 * @module
 */

/** Base class of every error thrown by Crappy itself. */
export class CrappyError extends Error {
  override name = 'CrappyError';
}

/**
 * Thrown by `start()` / `launch()` when any Block failed during the run.
 * The Blocks have all been stopped and their `finish()` called before it is thrown.
 */
export class CrappyFail extends CrappyError {
  override name = 'CrappyFail';
  constructor(message = 'This Exception means that an error occurred while running Crappy. Check the Traceback in the terminal for more information') {
    super(message);
  }
}

/**
 * Thrown by `start()` / `launch()` when the run was stopped with Ctrl+C
 * (SIGINT), after every Block has finished. Suppressed by `noRaise`.
 */
export class KeyboardInterrupt extends CrappyError {
  override name = 'KeyboardInterrupt';
  constructor(message = 'Crappy was stopped using CTRL+C ! To disable this Exception, set the noRaise argument of crappy.start() or crappy.launch() to true.') {
    super(message);
  }
}

/** Data sent through a Link has the wrong form (the original's ValueError). */
export class LinkDataError extends RangeError {
  override name = 'LinkDataError';
}

/** A Block did not see the start signal within its timeout (1 s). */
export class StartTimeout extends CrappyError {
  override name = 'StartTimeout';
}

/** The start barrier broke: another Block failed while preparing. */
export class PrepareError extends CrappyError {
  override name = 'PrepareError';
}

/** `Block.t0` was read before the run started. */
export class T0NotSetError extends CrappyError {
  override name = 'T0NotSetError';
}

/** Two classes of the same family were registered under the same name, or a class is malformed. */
export class DefinitionError extends CrappyError {
  override name = 'DefinitionError';
}

/** Thrown by a Generator to end the whole run cleanly once its Paths are exhausted. */
export class GeneratorStop extends CrappyError {
  override name = 'GeneratorStop';
}

/** Thrown by a reading Block to end the whole run cleanly (e.g. end of a file). */
export class ReaderStop extends CrappyError {
  override name = 'ReaderStop';
}

/** A Camera could not be configured. */
export class CameraConfigError extends CrappyError {
  override name = 'CameraConfigError';
}

/** A Camera Block's helper failed while preparing. */
export class CameraPrepareError extends CrappyError {
  override name = 'CameraPrepareError';
}

/** A Camera Block's helper failed while running. */
export class CameraRuntimeError extends CrappyError {
  override name = 'CameraRuntimeError';
}

/** A barrier was aborted or timed out while threads were waiting on it. */
export class BrokenBarrierError extends CrappyError {
  override name = 'BrokenBarrierError';
}
