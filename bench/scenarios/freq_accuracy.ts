/**
 * freq_accuracy: one Block at `--freq=F` loops for 5 s, recording the start
 * time of every `loop()`; one run per frequency, so that the two Blocks
 * measured do not compete for the 2 cores. The period error of a loop is
 * |time since the previous loop start − 1/F|.
 */
import * as crappy from 'crappy';
import { cpuMark, cpuPctSince, intArg, percentile, printResult, readResult, round, shareResult, type CpuMark } from '../lib.js';

const freq = intArg('freq', 1000);
const DURATION = 5;

class Paced extends crappy.Block {
  private readonly starts = new Float64Array(Math.ceil(freq * DURATION) + 1);
  private count = 0;
  private mark!: CpuMark;

  constructor() {
    super();
    this.freq = freq;
  }

  override begin(): void {
    this.mark = cpuMark();
  }

  override loop(): void {
    const now = this.clock.time();
    this.starts[this.count++] = now;
    if (this.count < this.starts.length && now - this.starts[0]! < DURATION) return;
    const cpuPct = cpuPctSince(this.mark);
    const errors = new Float64Array(this.count - 1);
    for (let i = 1; i < this.count; i++) errors[i - 1] = Math.abs(this.starts[i]! - this.starts[i - 1]! - 1 / freq) * 1e6;
    shareResult('freq', {
      loops_per_s: (this.count - 1) / (now - this.starts[0]!),
      period_err_abs_us_p50: percentile(errors, 50),
      period_err_abs_us_p99: percentile(errors, 99),
      cpu_pct: cpuPct,
    });
    this.stop();
  }
}

new Paced();
await crappy.start({ logLevel: 'warning' });

const result = readResult<Record<string, number>>('freq');
printResult('freq_accuracy', { freq, ...Object.fromEntries(Object.entries(result).map(([key, x]) => [key, round(x)])) });
