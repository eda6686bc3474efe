/**
 * The MovingMed Modifier: a force with occasional spikes goes to two
 * LinkReaders, raw on one Link and as the median of the last 5 messages
 * on the other, where the spikes are gone.
 *
 * Run it with `npx tsx examples/modifier_moving_med.ts` (it ends after 2 s).
 */
import * as crappy from 'crappy';

/** Sends a force of about 10 N with a 1000 N spike one time in five, 5 times per second; stops the run after 2 s. */
class SpikyForce extends crappy.Block {
  constructor() {
    super();
    this.freq = 5;
    this.labels = ['t(s)', 'F(N)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, Math.random() < 0.2 ? 1000 : 10 + Math.random() - 0.5]);
    if (t > 2) this.stop();
  }
}

const force = new SpikyForce();
crappy.link(force, new crappy.blocks.LinkReader({ name: 'raw' }));
crappy.link(force, new crappy.blocks.LinkReader({ name: 'filtered' }), {
  modifier: new crappy.modifier.MovingMed(5),
});

await crappy.start({ logLevel: 'info' });
