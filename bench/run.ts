/**
 * Runs every benchmark scenario (`bench/scenarios/*.ts`) 3 times, one run at
 * a time, each in its own `node --import tsx` child process; prints one JSON
 * line per scenario (each number the median of the 3 runs, key by key) and
 * writes them all to `bench/results/latest.json`.
 *
 * Usage: `npm run bench [-- scenario ...]` (default: every scenario).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuTicks, foreignLoad, median } from './lib.js';

type Result = Record<string, unknown>;

/** A scenario: its script, the argument lists it runs with, and how their results make one line. */
interface Scenario {
  name: string;
  variants: string[][];
  combine(results: Result[]): Result;
}

const RUNS = 3;
/** Other processes may use this many cores' worth of CPU during a run before it is redone. */
const MAX_FOREIGN_LOAD = 0.1;
/** Attempts per run when other processes keep loading the machine; the last one is kept. */
const ATTEMPTS = 4;
const here = dirname(fileURLToPath(import.meta.url));

const without = (result: Result, ...keys: string[]): Result =>
  Object.fromEntries(Object.entries(result).filter(([key]) => !keys.includes(key)));

const scenarios: Scenario[] = [
  { name: 'link_throughput', variants: [[]], combine: ([r]) => r! },
  { name: 'latency', variants: [[]], combine: ([r]) => r! },
  { name: 'camera_throughput', variants: [[]], combine: ([r]) => r! },
  { name: 'camera_record', variants: [[]], combine: ([r]) => r! },
  {
    name: 'startup',
    variants: [['--n=2'], ['--n=8'], ['--n=32']],
    combine: (results) => ({ per_n: results }),
  },
  {
    name: 'freq_accuracy',
    variants: [['--freq=1000'], ['--freq=100'], ['--freq=100', '--blocks=8']],
    combine: ([f1000, f100, f100x8]) => ({
      freq_1000: without(f1000!, 'freq'),
      freq_100: without(f100!, 'freq'),
      freq_100_x8: without(f100x8!, 'freq', 'blocks'),
    }),
  },
  {
    name: 'remote',
    variants: [['--broker=aedes'], ['--broker=mosquitto']],
    combine: ([aedes, mosquitto]) => ({ aedes: without(aedes!, 'broker'), mosquitto: without(mosquitto!, 'broker') }),
  },
  {
    name: 'memory',
    variants: [['--n=8'], ['--n=1']],
    combine: ([eight, one]) => ({
      rss_mb: eight!.rss_mb,
      rss_mb_per_block: Math.round((((eight!.rss_mb as number) - (one!.rss_mb as number)) / 7) * 10) / 10,
    }),
  },
  { name: 'hardware', variants: [[]], combine: ([r]) => r! },
];

/** Waits (up to `maxSeconds`) until other processes leave the machine nearly idle. */
async function waitForQuiet(maxSeconds = 60): Promise<void> {
  for (let waited = 0; waited < maxSeconds; waited += 0.5) {
    const before = cpuTicks();
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (foreignLoad(before, 0.5) < MAX_FOREIGN_LOAD) return;
  }
}

/**
 * Runs one scenario script once, when the machine is quiet, and returns the
 * result it printed; redoes the run if other processes loaded the machine
 * meanwhile (the scenarios measure timing on 2 cores).
 * @throws when the script fails or prints no `{"scenario": ...}` line
 */
async function runOnce(name: string, args: string[]): Promise<Result> {
  const script = join(here, 'scenarios', `${name}.ts`);
  for (let attempt = 1; ; attempt++) {
    await waitForQuiet();
    const before = cpuTicks();
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    const foreign = foreignLoad(before, (performance.now() - started) / 1000);
    const line = child.stdout.split('\n').findLast((l) => l.startsWith('{"scenario"'));
    if (child.status !== 0 || line === undefined) {
      throw new Error(`${name} ${args.join(' ')} failed (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
    }
    const result = without(JSON.parse(line) as Result, 'scenario');
    process.stderr.write(`  ${name} ${args.join(' ')}: ${JSON.stringify(result)} (other load ${foreign.toFixed(2)} cores)\n`);
    if (foreign < MAX_FOREIGN_LOAD || attempt === ATTEMPTS) return result;
  }
}

/** Median of each key over `results`, recursively for nested objects; other values from the first result. */
function medianByKey(results: Result[]): Result {
  const out: Result = {};
  for (const [key, first] of Object.entries(results[0]!)) {
    const values = results.map((r) => r[key]);
    if (typeof first === 'number') out[key] = median(values as number[]);
    else if (first !== null && typeof first === 'object' && !Array.isArray(first)) out[key] = medianByKey(values as Result[]);
    else out[key] = first;
  }
  return out;
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !scenarios.some((s) => s.name === name));
if (unknown.length > 0) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}`);

const lines: Result[] = [];
for (const scenario of scenarios.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  const perVariant: Result[] = [];
  for (const args of scenario.variants) {
    const runs: Result[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce(scenario.name, args));
    perVariant.push(medianByKey(runs));
  }
  const line = { scenario: scenario.name, ...scenario.combine(perVariant) };
  console.log(JSON.stringify(line));
  lines.push(line);
}

const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadavg: loadavg(), runs: RUNS, results: lines }, null, 2)}\n`,
);
