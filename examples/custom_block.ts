/**
 * Two custom Blocks: one counts and sends its count, the other prints what
 * it receives. The counter stops the run after 20 counts.
 *
 * Run it with `npx tsx examples/custom_block.ts`.
 */
import * as crappy from 'crappy';

/** Sends an increasing count, 10 times per second, and stops the run at 20. */
class Counter extends crappy.Block {
  private count = 0;

  constructor() {
    super();
    this.freq = 10;
    this.labels = ['t(s)', 'count'];
  }

  override loop(): void {
    this.count += 1;
    this.send([this.clock.time() - this.t0, this.count]);
    if (this.count >= 20) this.stop();
  }
}

/** Prints every message it receives. */
class Printer extends crappy.Block {
  constructor() {
    super();
    this.freq = 20;
  }

  override loop(): void {
    this.print();
  }

  /** Prints what arrived after the last loop, so that no count is missed. */
  override finish(): void {
    this.print();
  }

  private print(): void {
    const data = this.recvAllData();
    const counts = data.count ?? [];
    for (const [i, count] of counts.entries()) {
      const t = data['t(s)']?.[i] as number;
      console.log(`t = ${t.toFixed(3)} s, count = ${String(count)}`);
    }
  }
}

const counter = new Counter();
const printer = new Printer();
crappy.link(counter, printer);

await crappy.start({ logLevel: 'info' });
if (crappy.isMainThread) console.log('The run is over.');
