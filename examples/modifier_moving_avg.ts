/**
 * The MovingAvg Modifier: a noisy force goes to two LinkReaders, raw on
 * one Link and smoothed over the last 5 messages on the other; both get
 * every message.
 *
 * Run it with `npx tsx examples/modifier_moving_avg.ts` (it ends after 2 s).
 */
import * as crappy from 'crappy';

/** Sends a noisy force around 10 N, 5 times per second, and stops the run after 2 s. */
class NoisyForce extends crappy.Block {
  constructor() {
    super();
    this.freq = 5;
    this.labels = ['t(s)', 'F(N)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, 10 + 2 * (Math.random() - 0.5)]);
    if (t > 2) this.stop();
  }
}

const force = new NoisyForce();
crappy.link(force, new crappy.blocks.LinkReader({ name: 'raw' }));
crappy.link(force, new crappy.blocks.LinkReader({ name: 'smoothed' }), {
  modifier: new crappy.modifier.MovingAvg(5),
});

await crappy.start({ logLevel: 'info' });
