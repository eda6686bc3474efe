/**
 * memory: `--n=N` idle Blocks (empty loop, freq 10) run for 2 s; the main
 * thread samples the process's RSS 1 s after `start()` was called, or later,
 * once every Block is in its loop.
 */
import * as crappy from 'crappy';
import { intArg, printResult, readResult, round, shareResult } from '../lib.js';

const n = intArg('n', 8);
const SAMPLE_AFTER_MS = 1000;
const RUN_FOR = 2;

class Idle extends crappy.Block {
  constructor(private readonly index: number) {
    super();
    this.freq = 10;
  }

  override begin(): void {
    shareResult(`begin-${this.index}`, this.clock.time());
  }

  override loop(): void {
    if (this.index === 0 && this.clock.time() - this.t0 > RUN_FOR) this.stop();
  }
}

for (let i = 0; i < n; i++) new Idle(i);

let rss = NaN;
let sampledAt = NaN;
const allBegan = (): boolean => {
  try {
    for (let i = 0; i < n; i++) readResult<number>(`begin-${i}`);
    return true;
  } catch {
    return false;
  }
};
if (crappy.isMainThread) {
  // On a busy machine the Blocks may take longer than SAMPLE_AFTER_MS to begin: then sample once they all have.
  const sample = (): void => {
    if (!allBegan()) {
      setTimeout(sample, 50);
      return;
    }
    rss = process.memoryUsage().rss;
    sampledAt = crappy.systemClock.time();
  };
  setTimeout(sample, SAMPLE_AFTER_MS);
}
await crappy.start({ logLevel: 'warning' });

const lastBegin = Math.max(...Array.from({ length: n }, (_, i) => readResult<number>(`begin-${i}`)));
if (!(sampledAt > lastBegin)) throw new Error('memory: RSS was not sampled while every Block ran');
printResult('memory', { n, rss_mb: round(rss / 2 ** 20) });
