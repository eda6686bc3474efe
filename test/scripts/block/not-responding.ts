// A Block stuck in a 40 s synchronous loop while another one fails: the
// run stops the stuck Block after the 3.5 s grace and start() returns.
import * as crappy from 'crappy';
import { mark } from './probe.js';

/** Tells the other Block it is about to hang, then hangs for 40 s. */
class Stuck extends crappy.Block {
  override loop(): void {
    this.send({ hanging: true });
    mark('hanging', { block: this.name });
    const end = Date.now() + 40_000;
    while (Date.now() < end) {
      /* never yields */
    }
    mark('hang-over', { block: this.name });
    this.stop();
  }
  override finish(): void {
    mark('finish', { block: this.name });
  }
}

/** Fails as soon as the stuck Block hangs. */
class Failing extends crappy.Block {
  constructor() {
    super();
    this.freq = 200;
  }
  override loop(): void {
    if (this.dataAvailable()) throw new Error('failing on purpose while the other Block hangs');
  }
  override finish(): void {
    mark('finish', { block: this.name });
  }
}

const stuck = new Stuck();
crappy.link(stuck, new Failing());
let outcome = 'returned';
try {
  await crappy.start({ logLevel: 'warning' });
} catch (error) {
  outcome = (error as Error).name;
}
const t0 = stuck.t0;
mark('result', { outcome, sinceT0: Date.now() / 1000 - t0 });
process.on('exit', () => mark('exit', { sinceT0: Date.now() / 1000 - t0 }));
