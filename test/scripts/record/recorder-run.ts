// A counter sends 30 messages and stops the run; a Recorder saves them.
import { join } from 'node:path';
import * as crappy from 'crappy';
import { folder, mark } from './mark.js';

class Counter extends crappy.Block {
  private count = 0;
  constructor() {
    super();
    this.freq = 100;
  }
  override loop(): void {
    this.count += 1;
    this.send({ 't(s)': this.clock.time() - this.t0, i: this.count, text: `n, "${this.count}"` });
    if (this.count === 30) this.stop();
  }
}

const recorder = new crappy.blocks.Recorder(join(folder, 'out', 'data.csv'), { delay: 0.2 });
crappy.link(new Counter(), recorder, { name: 'counts' });
await crappy.start({ logLevel: 'warning' });
mark('done', { path: recorder.path });
