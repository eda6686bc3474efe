// t0 after a full run (T3, T4): the worker's t0, the timestamps it makes
// from it, and the same t0 read by the main thread through the Block's own
// reference once the run is over.
import * as crappy from 'crappy';
import { mark } from './probe.js';

class Clocked extends crappy.Block {
  private loops = 0;
  constructor() {
    super();
    this.freq = 50;
  }
  override begin(): void {
    mark('begin', { t0: this.t0, now: Date.now() / 1000, t: this.clock.time() - this.t0 });
  }
  override loop(): void {
    this.loops += 1;
    mark('loop', { t0: this.t0, t: this.clock.time() - this.t0 });
    if (this.loops === 3) this.stop();
  }
}

const block = new Clocked();
let before: string | null = null;
try {
  void block.t0;
} catch (error) {
  before = (error as Error).name;
}
mark('before', { error: before });
await crappy.start({ logLevel: 'warning' });
const control = block.controlBlock!;
mark('after', {
  t0: block.t0,
  now: Date.now() / 1000,
  instances: crappy.Block.instances.length,
  start: control.start.isSet(),
  stop: control.stop.isSet(),
  broken: control.barrier.broken,
  raise: control.raise.isSet(),
  kbi: control.kbi.isSet(),
});
