import { afterEach, describe, expect, it } from 'vitest';
import { BrokenBarrierError, CrappyError } from '../../packages/core/src/errors.js';
import { Barrier, BARRIER_CELLS } from '../../packages/core/src/sync/barrier.js';
import { startWorker, until, type TestWorker } from './threads.js';

/** Worker body: waits synchronously at the barrier and reports how it went. */
const SYNC_WAITER = `
const barrier = new core.Barrier(new Int32Array(workerData.buffer), workerData.offset ?? 0);
const rounds = workerData.rounds ?? 1;
for (let i = 0; i < rounds; i++) {
  try {
    const arrival = barrier.wait(workerData.timeout);
    post({ ok: true, arrival, round: i });
  } catch (error) {
    post({ ok: false, name: error.name, isBroken: error instanceof core.BrokenBarrierError, round: i });
    break;
  }
}
`;

/** Worker body: waits at the barrier without blocking its event loop. */
const ASYNC_WAITER = `
const barrier = new core.Barrier(new Int32Array(workerData.buffer), workerData.offset ?? 0);
try {
  const arrival = await barrier.waitAsync(workerData.timeout);
  post({ ok: true, arrival });
} catch (error) {
  post({ ok: false, name: error.name, isBroken: error instanceof core.BrokenBarrierError });
}
`;

interface Outcome {
  ok: boolean;
  arrival?: number;
  name?: string;
  isBroken?: boolean;
  round?: number;
}

const workers: TestWorker[] = [];

function waiter(body: string, barrier: Barrier, timeout: number | null, rounds = 1): TestWorker {
  const w = startWorker(body, { buffer: barrier.cells.buffer, offset: barrier.offset, timeout, rounds });
  workers.push(w);
  return w;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
});

describe('Barrier', () => {
  it('rejects a parties count that is not an integer from 1 to 65535', () => {
    for (const parties of [0, -1, 1.5, NaN, Infinity, -Infinity, 65536]) {
      expect(() => Barrier.create(parties), String(parties)).toThrow(RangeError);
    }
    expect(() => Barrier.create('2' as unknown as number)).toThrow(RangeError);
    const barrier = Barrier.create(2);
    expect(() => barrier.init(0)).toThrow(/parties/);
    expect(barrier.parties).toBe(2);
  });

  it('starts with nobody waiting, not broken, with the given parties', () => {
    const barrier = Barrier.create(5);
    expect(barrier.parties).toBe(5);
    expect(barrier.nWaiting).toBe(0);
    expect(barrier.broken).toBe(false);
  });

  it('works at an offset inside a larger array without touching cells around it', async () => {
    const cells = new Int32Array(new SharedArrayBuffer(4 * (BARRIER_CELLS + 4)));
    cells.fill(77);
    const barrier = new Barrier(cells, 2);
    barrier.init(2);
    const both = Promise.all([barrier.waitAsync(10), barrier.waitAsync(10)]);
    await expect(both).resolves.toEqual([0, 1]);
    expect([cells[0], cells[1], cells[2 + BARRIER_CELLS], cells[3 + BARRIER_CELLS]]).toEqual([77, 77, 77, 77]);
  });

  it('with one party, wait() and waitAsync() return at once with arrival 0, every time', async () => {
    const barrier = Barrier.create(1);
    expect(barrier.wait(0)).toBe(0);
    expect(barrier.wait()).toBe(0);
    await expect(barrier.waitAsync(0)).resolves.toBe(0);
    await expect(barrier.waitAsync()).resolves.toBe(0);
    expect(barrier.broken).toBe(false);
  });

  it('gives arrival indexes in arrival order and releases everyone when the last arrives', async () => {
    const barrier = Barrier.create(3);
    const released: number[] = [];
    const first = barrier.waitAsync(10).then((n) => (released.push(n), n));
    const second = barrier.waitAsync(10).then((n) => (released.push(n), n));
    expect(barrier.nWaiting).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(released).toEqual([]);
    const third = barrier.waitAsync(10);
    await expect(Promise.all([first, second, third])).resolves.toEqual([0, 1, 2]);
    expect(barrier.nWaiting).toBe(0);
    expect(barrier.broken).toBe(false);
  });

  it('is cyclic: the same barrier releases several rounds in a row', async () => {
    const barrier = Barrier.create(2);
    for (let round = 0; round < 5; round++) {
      await expect(Promise.all([barrier.waitAsync(10), barrier.waitAsync(10)])).resolves.toEqual([0, 1]);
      expect(barrier.nWaiting).toBe(0);
    }
  });

  it('releases worker threads blocked in wait() when the test thread arrives last with waitAsync()', async () => {
    const barrier = Barrier.create(4);
    const threads = [0, 1, 2].map(() => waiter(SYNC_WAITER, barrier, 30));
    await until(() => barrier.nWaiting === 3, 20_000, 'three workers at the barrier');
    // They are blocked: nobody got through yet.
    expect(threads.flatMap((t) => t.messages)).toEqual([]);
    const mine = await barrier.waitAsync(30);
    expect(mine).toBe(3);
    const outcomes = (await Promise.all(threads.map((t) => t.next()))) as Outcome[];
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.map((o) => o.arrival).sort()).toEqual([0, 1, 2]);
    expect(barrier.nWaiting).toBe(0);
    expect(barrier.broken).toBe(false);
  });

  it('releases a test thread blocked in wait() when workers arrive with waitAsync()', async () => {
    const barrier = Barrier.create(3);
    const threads = [0, 1].map(() => waiter(ASYNC_WAITER, barrier, 30));
    // Blocks this thread until both workers arrived (or 30 s pass and the barrier breaks).
    const mine = barrier.wait(30);
    const outcomes = (await Promise.all(threads.map((t) => t.next()))) as Outcome[];
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect([mine, ...outcomes.map((o) => o.arrival!)].sort()).toEqual([0, 1, 2]);
    expect(barrier.broken).toBe(false);
  });

  it('with more threads than parties, each release lets exactly `parties` threads through', async () => {
    const barrier = Barrier.create(2);
    const threads = [0, 1, 2].map(() => waiter(SYNC_WAITER, barrier, 30));
    await until(() => threads.filter((t) => t.messages.length === 1).length === 2, 20_000, 'two workers through');
    await until(() => barrier.nWaiting === 1, 20_000, 'the third worker waiting');
    const waiting = threads.filter((t) => t.messages.length === 0);
    expect(waiting).toHaveLength(1);
    expect(await barrier.waitAsync(30)).toBe(1);
    expect(((await waiting[0]!.next()) as Outcome).arrival).toBe(0);
    const outcomes = threads.map((t) => t.messages[0] as Outcome);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(barrier.broken).toBe(false);
  });

  it('wraps its generation counter around and still releases', async () => {
    const barrier = Barrier.create(2);
    // The last generation the state word can hold, nobody waiting.
    Atomics.store(barrier.cells, barrier.offset, 0x7fff << 16);
    for (let round = 0; round < 3; round++) {
      await expect(Promise.all([barrier.waitAsync(10), barrier.waitAsync(10)])).resolves.toEqual([0, 1]);
    }
    expect(barrier.nWaiting).toBe(0);
    expect(barrier.broken).toBe(false);
  });

  it('releases a worker and the test thread together round after round', async () => {
    const barrier = Barrier.create(2);
    const thread = waiter(SYNC_WAITER, barrier, 30, 5);
    const mine: number[] = [];
    for (let round = 0; round < 5; round++) mine.push(await barrier.waitAsync(30));
    await until(() => thread.messages.length === 5, 20_000, 'five rounds in the worker');
    const theirs = thread.messages as Outcome[];
    expect(theirs.every((o) => o.ok)).toBe(true);
    expect(theirs.map((o) => o.round)).toEqual([0, 1, 2, 3, 4]);
    // In each round one side arrived first (0) and the other last (1).
    for (let round = 0; round < 5; round++) expect(mine[round]! + theirs[round]!.arrival!).toBe(1);
  });

  it('abort() wakes every waiter, in any thread, with BrokenBarrierError', async () => {
    const barrier = Barrier.create(5);
    const syncThreads = [0, 1].map(() => waiter(SYNC_WAITER, barrier, 60));
    const asyncThread = waiter(ASYNC_WAITER, barrier, 60);
    const mine = barrier.waitAsync(60);
    mine.catch(() => {});
    await until(() => barrier.nWaiting === 4, 20_000, 'four waiters at the barrier');
    barrier.abort();
    await expect(mine).rejects.toBeInstanceOf(BrokenBarrierError);
    const outcomes = (await Promise.all([...syncThreads, asyncThread].map((t) => t.next()))) as Outcome[];
    for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, name: 'BrokenBarrierError', isBroken: true });
    expect(barrier.broken).toBe(true);
  });

  it('once broken, later waiters fail at once until init() resets it', async () => {
    const barrier = Barrier.create(2);
    barrier.abort();
    expect(barrier.broken).toBe(true);
    expect(() => barrier.wait(30)).toThrow(BrokenBarrierError);
    await expect(barrier.waitAsync(30)).rejects.toThrow(BrokenBarrierError);
    const late = waiter(SYNC_WAITER, barrier, 30);
    await expect(late.next()).resolves.toMatchObject({ ok: false, name: 'BrokenBarrierError' });

    barrier.init(2);
    expect(barrier.broken).toBe(false);
    expect(barrier.nWaiting).toBe(0);
    await expect(Promise.all([barrier.waitAsync(10), barrier.waitAsync(10)])).resolves.toEqual([0, 1]);
  });

  it('BrokenBarrierError is a CrappyError', () => {
    const barrier = Barrier.create(2);
    barrier.abort();
    try {
      barrier.wait();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CrappyError);
      expect((error as Error).name).toBe('BrokenBarrierError');
    }
  });

  it('a waitAsync() timeout breaks the barrier for everyone, including a blocked worker', async () => {
    const barrier = Barrier.create(3);
    const thread = waiter(SYNC_WAITER, barrier, 60);
    await until(() => barrier.nWaiting === 1, 20_000, 'the worker at the barrier');
    const started = performance.now();
    await expect(barrier.waitAsync(0.2)).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(barrier.broken).toBe(true);
    await expect(thread.next()).resolves.toMatchObject({ ok: false, name: 'BrokenBarrierError' });
  });

  it("a worker's wait() timeout breaks the barrier and wakes the test thread", async () => {
    const barrier = Barrier.create(3);
    const mine = barrier.waitAsync(60);
    mine.catch(() => {});
    const thread = waiter(SYNC_WAITER, barrier, 0.2);
    await expect(thread.next()).resolves.toMatchObject({ ok: false, name: 'BrokenBarrierError' });
    await expect(mine).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(barrier.broken).toBe(true);
  });

  it('a synchronous wait() times out, throws and leaves the barrier broken', () => {
    const barrier = Barrier.create(2);
    const started = performance.now();
    expect(() => barrier.wait(0.05)).toThrow(BrokenBarrierError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(barrier.broken).toBe(true);
  });

  it('a timeout of 0 (or less) breaks at once unless this arrival releases the barrier', async () => {
    const zero = Barrier.create(2);
    await expect(zero.waitAsync(0)).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(zero.broken).toBe(true);
    const negative = Barrier.create(2);
    expect(() => negative.wait(-1)).toThrow(BrokenBarrierError);

    const last = Barrier.create(2);
    const first = last.waitAsync(10);
    await expect(last.waitAsync(0)).resolves.toBe(1);
    await expect(first).resolves.toBe(0);
    expect(last.broken).toBe(false);
  });
});
