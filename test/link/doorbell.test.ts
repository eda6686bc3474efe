import { afterEach, describe, expect, it } from 'vitest';
import { Doorbell } from '../../packages/core/src/link/doorbell.js';
import { Link } from '../../packages/core/src/link/link.js';
import { startWorker, until, type TestWorker } from '../sync/threads.js';

const SLEEPING = 1;
const workers: TestWorker[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
});

/** A worker that sleeps on the doorbell for up to a minute, then reports. */
function sleeper(bell: Doorbell): TestWorker {
  const w = startWorker(
    `const bell = new core.Doorbell(workerData.buffer);
     post('sleeping');
     bell.sleep(60_000, () => false);
     post('awake');`,
    { buffer: bell.buffer },
  );
  workers.push(w);
  return w;
}

describe('Doorbell', () => {
  it('sleep() returns at once when hasData() already says there is something', () => {
    const bell = Doorbell.create();
    const started = performance.now();
    bell.sleep(5_000, () => true);
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(new Int32Array(bell.buffer)[SLEEPING]).toBe(0);
  });

  it('sleep() returns after its timeout when nobody rings', () => {
    const bell = Doorbell.create();
    const started = performance.now();
    bell.sleep(20, () => false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    expect(new Int32Array(bell.buffer)[SLEEPING]).toBe(0);
  });

  it('ring() wakes a receiver sleeping in another thread', async () => {
    const bell = Doorbell.create();
    const w = sleeper(bell);
    await w.next((m) => m === 'sleeping');
    await until(() => Atomics.load(new Int32Array(bell.buffer), SLEEPING) === 1, 20_000, 'the worker to sleep');
    bell.ring();
    await expect(w.next((m) => m === 'awake')).resolves.toBe('awake');
  });

  it('wake() wakes a receiver sleeping in another thread', async () => {
    const bell = Doorbell.create();
    const w = sleeper(bell);
    await w.next((m) => m === 'sleeping');
    await until(() => Atomics.load(new Int32Array(bell.buffer), SLEEPING) === 1, 20_000, 'the worker to sleep');
    bell.wake();
    await expect(w.next((m) => m === 'awake')).resolves.toBe('awake');
  });

  it('a Link send rings the receiver’s doorbell', async () => {
    const bell = Doorbell.create();
    const receiver = { name: 'r', log() {}, stopping: false, doorbell: bell, inputs: [], outputs: [] };
    const l = new Link({ name: 's', log() {}, stopping: false, doorbell: Doorbell.create(), inputs: [], outputs: [] }, receiver);
    const w = sleeper(bell);
    await w.next((m) => m === 'sleeping');
    await until(() => Atomics.load(new Int32Array(bell.buffer), SLEEPING) === 1, 20_000, 'the worker to sleep');
    l.send({ x: 1 });
    await expect(w.next((m) => m === 'awake')).resolves.toBe('awake');
  });
});
