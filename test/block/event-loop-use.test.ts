/**
 * How a paced Block decides whether it may block its thread between two
 * loops: only when nothing but the runtime's channel to the main thread
 * waits on the event loop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startWorker, type TestWorker } from '../sync/threads.js';

const workers: TestWorker[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
});

/** Runs `body` in a worker that listens to its parent port, as a Block's worker does, and returns what it posts. */
async function inWorker(body: string): Promise<unknown> {
  const w = startWorker(`parentPort.on('message', () => {});\n${body}`);
  workers.push(w);
  return w.next();
}

describe('eventLoopInUse', () => {
  it('is false in a worker whose event loop holds only its channel to the main thread', async () => {
    await expect(inWorker(`post(core.eventLoopInUse());`)).resolves.toBe(false);
  });

  it('is true while a timer is pending, false again once it is cleared', async () => {
    const result = inWorker(`
      const timer = setTimeout(() => {}, 60_000);
      const during = core.eventLoopInUse();
      clearTimeout(timer);
      post([during, core.eventLoopInUse()]);`);
    await expect(result).resolves.toEqual([true, false]);
  });

  it('is true while a file request is in flight', async () => {
    const result = inWorker(`
      const reading = require('node:fs/promises').readFile(process.execPath).catch(() => {});
      const during = core.eventLoopInUse();
      await reading;
      post(during);`);
    await expect(result).resolves.toBe(true);
  });
});
