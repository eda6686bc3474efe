/**
 * The StopBlock ends a run that would otherwise never end: here when a
 * counter goes past 40, or after 5 s at the latest ('t(s)>5' is the time
 * since the start, checked even when no data arrives).
 *
 * Run it with `npx tsx examples/stop_block.ts`.
 */
import * as crappy from 'crappy';

/** Counts forever, 20 times per second. */
class Counter extends crappy.Block {
  private count = 0;

  constructor() {
    super();
    this.freq = 20;
    this.labels = ['t(s)', 'count'];
  }

  override loop(): void {
    this.count += 1;
    this.send([this.clock.time() - this.t0, this.count]);
  }

  override finish(): void {
    console.log(`The counter stopped at ${this.count}.`);
  }
}

const counter = new Counter();
const stop = new crappy.blocks.StopBlock(['count>40', 't(s)>5']);
crappy.link(counter, stop);

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('The StopBlock ended the run.');
