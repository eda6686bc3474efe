// The failures of earlier runs, replayed in the workers of a later run
// (runtime/run-history.ts): what the main thread records crosses to the
// workers as plain data (structuredClone, as in a worker's data), and every
// error class of Crappy comes back as an instance of that very class, with
// its message, so that a script's `catch (e) { if (e instanceof ...) }`
// takes the same path in every thread.
import { describe, expect, it } from 'vitest';
import * as errors from '../../packages/core/src/errors.js';
import { historyBefore, recordFailure, replayFailure, type RunStep } from '../../packages/core/src/runtime/run-history.js';

/** Every error class errors.ts exports. */
const crappyErrors = (Object.entries(errors) as Array<[string, unknown]>).filter(
  (entry): entry is [string, new (message?: string) => Error] =>
    typeof entry[1] === 'function' && (entry[1] as { prototype: unknown }).prototype instanceof Error,
);

/** Each test records its failures under call numbers of its own: the history is the module's. */
let nextCall = 1000;

/** Records `error` for `step` of a fresh call, and returns what its replay in a worker of the next call throws. */
function replayed(error: unknown, step: RunStep = 'launch', reset = true): { thrown: unknown; resets: number } {
  const call = nextCall;
  nextCall += 10;
  recordFailure(call, step, error, reset);
  const runs = structuredClone(historyBefore(call + 1));
  let resets = 0;
  let thrown: unknown;
  try {
    replayFailure(runs, call, step, () => (resets += 1));
  } catch (caught) {
    thrown = caught;
  }
  return { thrown, resets };
}

describe('a failed run replayed in the workers of a later run', () => {
  it('covers every error class of errors.ts', () => {
    expect(crappyErrors.map(([name]) => name).sort()).toEqual(
      [
        'BrokenBarrierError',
        'CameraConfigError',
        'CameraPrepareError',
        'CameraRuntimeError',
        'CrappyError',
        'CrappyFail',
        'DefinitionError',
        'GeneratorStop',
        'KeyboardInterrupt',
        'LinkDataError',
        'PrepareError',
        'ReaderStop',
        'StartTimeout',
        'T0NotSetError',
      ],
    );
  });

  for (const [name, ErrorClass] of crappyErrors) {
    it(`throws a ${name} as an instance of that class, with its message`, () => {
      const { thrown } = replayed(new ErrorClass(`${name} in the main thread`));
      expect(thrown).toBeInstanceOf(ErrorClass);
      expect(Object.getPrototypeOf(thrown)).toBe(ErrorClass.prototype);
      expect((thrown as Error).name).toBe(name);
      expect((thrown as Error).message).toBe(`${name} in the main thread`);
    });
  }

  it("JavaScript's own errors come back as their class, any other as an Error of that name", () => {
    expect(replayed(new TypeError('bad type')).thrown).toBeInstanceOf(TypeError);
    expect(replayed(new RangeError('out of range')).thrown).toBeInstanceOf(RangeError);
    class DeviceError extends Error {
      override name = 'DeviceError';
    }
    const { thrown } = replayed(new DeviceError('no device'));
    expect(Object.getPrototypeOf(thrown)).toBe(Error.prototype);
    expect(thrown).toMatchObject({ name: 'DeviceError', message: 'no device' });
  });

  it('resets the run state first only when the main thread had, and replays only the step that failed', () => {
    expect(replayed(new errors.CrappyFail('failed'), 'prepare', true).resets).toBe(1);
    expect(replayed(new errors.CrappyFail('failed'), 'prepare', false).resets).toBe(0);
    const call = nextCall;
    nextCall += 10;
    recordFailure(call, 'launch', new errors.CrappyFail('failed'), true);
    const runs = historyBefore(call + 1);
    expect(() => replayFailure(runs, call, 'prepare', () => {})).not.toThrow();
    expect(() => replayFailure(runs, call, 'renice', () => {})).not.toThrow();
    expect(() => replayFailure(runs, call - 1, 'launch', () => {})).not.toThrow();
    expect(() => replayFailure(runs, call, 'launch', () => {})).toThrow(errors.CrappyFail);
  });
});
