/**
 * The MeanBlock: a force measured 100 times per second and a position
 * measured 20 times per second are averaged together over 0.5 s; the
 * LinkReader gets one message every 0.5 s, timed at the middle of the
 * averaged samples.
 *
 * Run it with `npx tsx examples/mean_block.ts` (it ends after 3 s).
 */
import * as crappy from 'crappy';

/** Sends a noisy measure, `freq` times per second, and stops the run after 3 s. */
class Sensor extends crappy.Block {
  constructor(private readonly label: string, private readonly slope: number, freq: number) {
    super();
    this.freq = freq;
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send({ 't(s)': t, [this.label]: this.slope * t + Math.random() - 0.5 });
    if (t > 3) this.stop();
  }
}

const mean = new crappy.blocks.MeanBlock(0.5, { outLabels: ['F(N)', 'x(mm)'] });
crappy.link(new Sensor('F(N)', 10, 100), mean);
crappy.link(new Sensor('x(mm)', 1, 20), mean);
crappy.link(mean, new crappy.blocks.LinkReader({ name: 'averaged' }));

await crappy.start({ logLevel: 'info' });
