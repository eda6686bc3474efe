// displayFreq: one Block logs its loops/s every 2 s, its twin does not.
import * as crappy from 'crappy';
import { mark } from './probe.js';

class Looper extends crappy.Block {
  constructor(display: boolean) {
    super();
    this.displayFreq = display;
    this.freq = 100;
  }
  override loop(): void {
    if (this.displayFreq && this.clock.time() - this.t0 > 4.6) this.stop();
  }
}

new Looper(true);
new Looper(false);
await crappy.start({ logLevel: 'info' });
mark('returned');
