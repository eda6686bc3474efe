/**
 * The Offset Modifier: a load cell reads 3.2 N at rest; the Link shifts
 * its values so that the first one is 0 N.
 *
 * Run it with `npx tsx examples/modifier_offset.ts` (it ends after 2 s).
 */
import * as crappy from 'crappy';

/** Sends a force of 3.2 N plus 1 N/s, 5 times per second, and stops the run after 2 s. */
class LoadCell extends crappy.Block {
  constructor() {
    super();
    this.freq = 5;
    this.labels = ['t(s)', 'F(N)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, 3.2 + t]);
    if (t > 2) this.stop();
  }
}

crappy.link(new LoadCell(), new crappy.blocks.LinkReader({ name: 'zeroed' }), {
  modifier: new crappy.modifier.Offset('F(N)', 0),
});

await crappy.start({ logLevel: 'info' });
