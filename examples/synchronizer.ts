/**
 * The Synchronizer Block: a strain computed from images 3 times per second
 * (the reference) and a force measured 100 times per second; the force is
 * interpolated at the time of each strain value.
 *
 * Run it with `npx tsx examples/synchronizer.ts` (it ends after 3 s).
 */
import * as crappy from 'crappy';

/** Sends `label` = `slope` × t, `freq` times per second, and stops the run after 3 s. */
class Sensor extends crappy.Block {
  constructor(private readonly label: string, private readonly slope: number, freq: number) {
    super();
    this.freq = freq;
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send({ 't(s)': t, [this.label]: this.slope * t });
    if (t > 3) this.stop();
  }
}

const sync = new crappy.blocks.Synchronizer('Exx(%)', { labelsToSync: 'F(N)' });
crappy.link(new Sensor('Exx(%)', 0.1, 3), sync);
crappy.link(new Sensor('F(N)', 10, 100), sync);
crappy.link(sync, new crappy.blocks.LinkReader({ name: 'synchronized' }));

await crappy.start({ logLevel: 'info' });
