/**
 * Code that runs synchronously while every value it waits for is already
 * there, and becomes asynchronous only at the first Promise. The standard
 * Blocks, InOuts and Actuators use it so that, like the original's, they
 * finish their work before returning when the methods they call (a
 * driver's, or a test's stub) are synchronous.
 * @module
 * @internal
 */

/** Whether `value` is a Promise or another thenable. */
function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Calls `next` with `value`: at once when `value` is not a Promise, else
 * once it resolves.
 * @returns what `next` returns, or a Promise of it
 */
export function andThen<T, R>(value: T | PromiseLike<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  return isPromiseLike(value) ? Promise.resolve(value).then(next) : next(value as T);
}

/**
 * A sequence of steps written as a generator function, run by
 * {@link runSteps}: each `yield* wait(value)` gives back `value`, or what it
 * resolves to when it is a Promise.
 */
export type Steps<T> = Generator<unknown, T, unknown>;

/**
 * Inside {@link Steps}, waits for a value that may be a Promise:
 * `const data = yield* wait(this.recvAllData(1));`.
 */
export function* wait<T>(value: T | PromiseLike<T>): Generator<unknown, T, unknown> {
  return (yield value) as T;
}

/**
 * Runs `steps` synchronously as long as the values it waits for are not
 * Promises; from the first Promise on, the rest runs asynchronously. A
 * rejected Promise is thrown inside the steps, at the `wait` that got it.
 * @returns the result of the steps, or a Promise of it
 */
export function runSteps<T>(steps: Steps<T>): T | Promise<T> {
  let next = steps.next();
  while (!next.done) {
    if (isPromiseLike(next.value)) return finishSteps(steps, next.value);
    next = steps.next(next.value);
  }
  return next.value;
}

/** The asynchronous rest of {@link runSteps}, from its first Promise. */
async function finishSteps<T>(steps: Steps<T>, pending: PromiseLike<unknown>): Promise<T> {
  let next = await resume(steps, pending);
  while (!next.done) next = await resume(steps, next.value);
  return next.value;
}

/** Gives the steps what `waited` resolves to, or throws its rejection into them. */
async function resume<T>(steps: Steps<T>, waited: unknown): Promise<IteratorResult<unknown, T>> {
  let value: unknown;
  try {
    value = await waited;
  } catch (error) {
    return steps.throw(error);
  }
  return steps.next(value);
}
