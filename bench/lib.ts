/**
 * Helpers shared by the benchmark scenarios (`bench/scenarios/*.ts`) and
 * their runner (`bench/run.ts`).
 *
 * A scenario script runs its Blocks in worker threads that re-run the
 * script, so a Block cannot hand its measurements to the main thread through
 * variables: it writes them with {@link shareResult} into a folder named
 * after the process id (the same in every thread of the process), and the
 * main thread reads them with {@link readResult}.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isMainThread } from 'crappy';

const resultDir = join(tmpdir(), `crappy-bench-${process.pid}`);
let ticksPerSecond = 0;

/** The kernel's clock ticks per second (`getconf CLK_TCK`, usually 100), the unit of `/proc` CPU times. */
export function clockTicks(): number {
  ticksPerSecond ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  return ticksPerSecond;
}

/**
 * CPU time (user + system, s) used so far by the calling thread alone, from
 * `/proc/thread-self/stat` (Linux; resolution 1 / `CLK_TCK`, usually 10 ms).
 */
export function threadCpuSeconds(): number {
  const ticks = clockTicks();
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

/** A CPU-time and wall-time mark of the calling thread, see {@link cpuPctSince}. */
export interface CpuMark {
  /** Thread CPU seconds. */
  cpu: number;
  /** Monotonic wall-clock seconds. */
  wall: number;
}

/** Marks the calling thread's CPU time and the wall time now. */
export function cpuMark(): CpuMark {
  return { cpu: threadCpuSeconds(), wall: performance.now() / 1000 };
}

/** Percentage of one core the calling thread used since `mark`. */
export function cpuPctSince(mark: CpuMark): number {
  const now = cpuMark();
  return (100 * (now.cpu - mark.cpu)) / (now.wall - mark.wall);
}

/**
 * Saves a Block's measurements under `key`, for the main thread to read
 * after the run with {@link readResult}. Works from any thread.
 */
export function shareResult(key: string, value: unknown): void {
  mkdirSync(resultDir, { recursive: true });
  writeFileSync(join(resultDir, `${key}.json`), JSON.stringify(value));
}

/**
 * Reads what a Block saved with {@link shareResult}.
 * @throws when nothing was saved under `key` (the Block did not get that far)
 */
export function readResult<T>(key: string): T {
  return JSON.parse(readFileSync(join(resultDir, `${key}.json`), 'utf8')) as T;
}

/**
 * Prints the scenario's result line (`{"scenario": name, ...}`) and removes
 * the shared results folder. Main thread only.
 */
export function printResult(scenario: string, values: Record<string, unknown>): void {
  if (!isMainThread) return;
  rmSync(resultDir, { recursive: true, force: true });
  console.log(JSON.stringify({ scenario, ...values }));
}

/**
 * The `p`-th percentile (0–100) of `values`, by nearest rank on a sorted
 * copy; `NaN` for no values.
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** Median of `values` (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds `x` to `digits` decimals, for readable results. */
export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Reads a positive integer option from the script's arguments: `--name=value`. */
export function intArg(name: string, fallback: number): number {
  const prefix = `--${name}=`;
  const arg = process.argv.find((a) => a.startsWith(prefix));
  const value = arg === undefined ? fallback : Number(arg.slice(prefix.length));
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`--${name} must be a positive integer`);
  return value;
}

/**
 * CPU ticks (1 / `CLK_TCK` s) used so far by the whole machine (all cores, busy
 * time) and by this process's finished children; the difference over an
 * interval is the load that other processes put on the machine.
 */
export function cpuTicks(): { machine: number; children: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const self = readFileSync('/proc/self/stat', 'utf8');
  const fields = self.slice(self.lastIndexOf(')') + 2).split(' ');
  return {
    machine: cpu.reduce((a, b) => a + b, 0) - cpu[3]! - cpu[4]!,
    children: Number(fields[13]) + Number(fields[14]),
  };
}

/** Cores' worth of CPU that other processes used since `before` (a {@link cpuTicks} value), over `seconds`. */
export function foreignLoad(before: { machine: number; children: number }, seconds: number): number {
  const after = cpuTicks();
  return (after.machine - before.machine - (after.children - before.children)) / clockTicks() / seconds;
}

/**
 * The floor of a thread per Block: ms from starting `n` empty worker
 * threads at once until each has posted one message (the threads are then
 * terminated). Main thread only.
 */
export async function workerFloorMs(n: number): Promise<number> {
  const started = performance.now();
  const workers = Array.from({ length: n }, () => new Worker("require('node:worker_threads').parentPort.postMessage(0)", { eval: true }));
  await Promise.all(workers.map((worker) => new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject))));
  const elapsed = performance.now() - started;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return elapsed;
}
