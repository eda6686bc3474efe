/**
 * The Mean Modifier: a noisy force is sent 100 times per second; the Link
 * to the LinkReader carries one message every 50, the mean of those 50.
 *
 * Run it with `npx tsx examples/modifier_mean.ts` (it ends after 3 s).
 */
import * as crappy from 'crappy';

/** Sends a noisy force around 10 N, 100 times per second, and stops the run after 3 s. */
class NoisyForce extends crappy.Block {
  constructor() {
    super();
    this.freq = 100;
    this.labels = ['t(s)', 'F(N)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, 10 + Math.random() - 0.5]);
    if (t > 3) this.stop();
  }
}

crappy.link(new NoisyForce(), new crappy.blocks.LinkReader({ name: 'mean of 50' }), {
  modifier: new crappy.modifier.Mean(50),
});

await crappy.start({ logLevel: 'info' });
