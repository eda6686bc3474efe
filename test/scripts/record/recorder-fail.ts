// A sender sends until the run stops; another Block throws after 0.5 s.
// The Recorder must hold every message sent; the sender prints its count.
import { join } from 'node:path';
import * as crappy from 'crappy';
import { folder, mark } from './mark.js';

class Sender extends crappy.Block {
  private count = 0;
  constructor() {
    super();
    this.freq = 100;
  }
  override loop(): void {
    this.count += 1;
    this.send({ 't(s)': this.clock.time() - this.t0, i: this.count });
  }
  override finish(): void {
    mark('sent', { count: this.count });
  }
}

class Failing extends crappy.Block {
  constructor() {
    super();
    this.freq = 50;
  }
  override loop(): void {
    if (this.clock.time() - this.t0 > 0.5) throw new Error('planned failure');
  }
}

const recorder = new crappy.blocks.Recorder(join(folder, 'data.csv'));
crappy.link(new Sender(), recorder);
new Failing();
try {
  await crappy.start({ logLevel: 'critical' });
  mark('no error');
} catch (error) {
  if (crappy.isMainThread) mark('failed', { error: (error as Error).name });
}
