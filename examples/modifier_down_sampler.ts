/**
 * The DownSampler Modifier: an acquisition at 100 messages per second is
 * shown at 4 per second; the Link drops 24 messages out of 25 unchanged.
 *
 * Run it with `npx tsx examples/modifier_down_sampler.ts` (it ends after 3 s).
 */
import * as crappy from 'crappy';

/** Sends a sine 100 times per second, and stops the run after 3 s. */
class Sine extends crappy.Block {
  constructor() {
    super();
    this.freq = 100;
    this.labels = ['t(s)', 'U(V)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, Math.sin(2 * Math.PI * t)]);
    if (t > 3) this.stop();
  }
}

crappy.link(new Sine(), new crappy.blocks.LinkReader({ name: 'one in 25' }), {
  modifier: new crappy.modifier.DownSampler(25),
});

await crappy.start({ logLevel: 'info' });
