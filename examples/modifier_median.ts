/**
 * The Median Modifier: a force with occasional spikes is sent 100 times
 * per second; the Link to the LinkReader carries one message every 25,
 * the median of those 25, which ignores the spikes.
 *
 * Run it with `npx tsx examples/modifier_median.ts` (it ends after 3 s).
 */
import * as crappy from 'crappy';

/** Sends a force of about 10 N with a 1000 N spike one time in ten, and stops the run after 3 s. */
class SpikyForce extends crappy.Block {
  constructor() {
    super();
    this.freq = 100;
    this.labels = ['t(s)', 'F(N)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, Math.random() < 0.1 ? 1000 : 10 + Math.random() - 0.5]);
    if (t > 3) this.stop();
  }
}

crappy.link(new SpikyForce(), new crappy.blocks.LinkReader({ name: 'median of 25' }), {
  modifier: new crappy.modifier.Median(25),
});

await crappy.start({ logLevel: 'info' });
