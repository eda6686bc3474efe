// displayFreq: one Block logs its loops/s every 2 s, its twin does not. The
// one that logs stops the run once it has logged twice (its loops/s window
// restarted twice), however long that takes on a busy machine.
import * as crappy from 'crappy';
import { mark } from './probe.js';

class Looper extends crappy.Block {
  private windows = 0;
  private windowStart: number | null = null;

  constructor(display: boolean) {
    super();
    this.displayFreq = display;
    this.freq = 100;
  }

  override loop(): void {
    if (!this.displayFreq) return;
    if (this.windowStart !== null && this._lastFps !== this.windowStart) this.windows += 1;
    this.windowStart = this._lastFps;
    if (this.windows === 2) this.stop();
  }
}

new Looper(true);
new Looper(false);
await crappy.start({ logLevel: 'info' });
mark('returned');
