/**
 * startup: `--n=N` trivial Blocks (empty loop, freq 100); the first calls
 * `stop()` in its first loop. Measures, on the run's shared clock
 * (`crappy.systemClock`), the time from the `start()` call until every Block
 * is in `begin()`, until `start()` returns, and from the `stop()` call until
 * `start()` returns. Then, in the same process, measures the floor: the time
 * N empty worker threads take to start and post one message.
 */
import * as crappy from 'crappy';
import { intArg, printResult, readResult, round, shareResult, workerFloorMs } from '../lib.js';

const n = intArg('n', 2);

class Trivial extends crappy.Block {
  private began = 0;

  constructor(private readonly index: number) {
    super();
    this.freq = 100;
  }

  override begin(): void {
    this.began = this.clock.time();
  }

  override loop(): void {
    if (this.index === 0 && !this.stopping) {
      shareResult('stop', this.clock.time());
      this.stop();
    }
  }

  override finish(): void {
    shareResult(`begin-${this.index}`, this.began);
  }
}

for (let i = 0; i < n; i++) new Trivial(i);

const started = crappy.systemClock.time();
await crappy.start({ logLevel: 'warning' });
const returned = crappy.systemClock.time();

const lastBegin = Math.max(...Array.from({ length: n }, (_, i) => readResult<number>(`begin-${i}`)));
const floor = await workerFloorMs(n);
printResult('startup', {
  n,
  floor_ms: round(floor),
  all_begin_ms: round((lastBegin - started) * 1000),
  start_return_ms: round((returned - started) * 1000),
  stop_to_return_ms: round((returned - readResult<number>('stop')) * 1000),
});
