/**
 * The helper that keeps the IOBlock, the Machine and the InOuts synchronous
 * while what they call is, and asynchronous from the first Promise on.
 */
import { describe, expect, it } from 'vitest';
import { andThen, runSteps, wait, type Steps } from '../../packages/core/src/util/maybe-async.js';

describe('runSteps', () => {
  it('runs to the end at once when nothing is a Promise', () => {
    function* steps(): Steps<number> {
      const a = yield* wait(1);
      const b = yield* wait(2);
      return a + b;
    }
    expect(runSteps(steps())).toBe(3);
  });

  it('goes on asynchronously from the first Promise, in order', async () => {
    const done: string[] = [];
    function* steps(): Steps<string> {
      done.push(`sync ${yield* wait('a')}`);
      done.push(`async ${yield* wait(Promise.resolve('b'))}`);
      done.push(`then ${yield* wait('c')}`);
      return 'end';
    }
    const result = runSteps(steps());
    expect(done).toEqual(['sync a']);
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toBe('end');
    expect(done).toEqual(['sync a', 'async b', 'then c']);
  });

  it('throws a rejection into the steps, where try/catch sees it', async () => {
    function* steps(): Steps<string> {
      try {
        yield* wait(Promise.reject(new Error('no device')));
        return 'read';
      } catch (error) {
        return `caught ${(error as Error).message}`;
      }
    }
    expect(await runSteps(steps())).toBe('caught no device');
  });

  it('throws at once what the synchronous part throws', () => {
    function* steps(): Steps<void> {
      yield* wait(1);
      throw new RangeError('bad');
    }
    expect(() => runSteps(steps())).toThrow(RangeError);
  });
});

describe('andThen', () => {
  it('calls on at once with a value, after the Promise with a Promise', async () => {
    expect(andThen(2, (v) => v * 10)).toBe(20);
    const later = andThen(Promise.resolve(2), (v) => v * 10);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(20);
  });
});
