/**
 * freq_accuracy: `--blocks=N` Blocks (default 1) at `--freq=F` loop for 5 s
 * together, each recording the start time of every `loop()`; one run per
 * setting, so that the Blocks measured do not compete with another run for
 * the 2 cores. The period error of a loop is |time since the previous loop
 * start − 1/F|.
 */
import * as crappy from 'crappy';
import { cpuMark, cpuPctSince, intArg, percentile, printResult, readResult, round, shareResult, type CpuMark } from '../lib.js';

const freq = intArg('freq', 1000);
const blocks = intArg('blocks', 1);
const DURATION = 5;
/** How long after its own measurement Block 0 ends the run (s). */
const END_MARGIN = 0.5;

/** What each Block measures. */
interface Measure {
  loops_per_s: number;
  period_err_abs_us_p50: number;
  period_err_abs_us_p99: number;
  cpu_pct: number;
}

class Paced extends crappy.Block {
  private readonly starts = new Float64Array(Math.ceil(freq * DURATION) + 1);
  private count = 0;
  private mark!: CpuMark;

  constructor(private readonly index: number) {
    super();
    this.freq = freq;
  }

  override begin(): void {
    this.mark = cpuMark();
  }

  override loop(): void {
    const now = this.clock.time();
    if (this.count === this.starts.length) {
      // Block 0 ends the run once every Block has measured (they all started together).
      if (this.index === 0 && now - this.starts[0]! > DURATION + END_MARGIN) this.stop();
      return;
    }
    this.starts[this.count++] = now;
    if (this.count < this.starts.length && now - this.starts[0]! < DURATION) return;
    const cpuPct = cpuPctSince(this.mark);
    const errors = new Float64Array(this.count - 1);
    for (let i = 1; i < this.count; i++) errors[i - 1] = Math.abs(this.starts[i]! - this.starts[i - 1]! - 1 / freq) * 1e6;
    const measure: Measure = {
      loops_per_s: (this.count - 1) / (now - this.starts[0]!),
      period_err_abs_us_p50: percentile(errors, 50),
      period_err_abs_us_p99: percentile(errors, 99),
      cpu_pct: cpuPct,
    };
    shareResult(`freq-${this.index}`, measure);
    this.count = this.starts.length;
  }
}

for (let i = 0; i < blocks; i++) new Paced(i);
await crappy.start({ logLevel: 'warning' });

const measures = Array.from({ length: blocks }, (_, i) => readResult<Measure>(`freq-${i}`));
if (blocks === 1) {
  printResult('freq_accuracy', { freq, ...Object.fromEntries(Object.entries(measures[0]!).map(([key, x]) => [key, round(x)])) });
} else {
  printResult('freq_accuracy', {
    freq,
    blocks,
    loops_per_s_min: round(Math.min(...measures.map((m) => m.loops_per_s))),
    period_err_abs_us_p99_max: round(Math.max(...measures.map((m) => m.period_err_abs_us_p99))),
    cpu_pct_total: round(measures.reduce((sum, m) => sum + m.cpu_pct, 0)),
  });
}
