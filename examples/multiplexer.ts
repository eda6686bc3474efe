/**
 * The Multiplexer Block: a force measured 100 times per second and a
 * position measured 7 times per second are put on a common time base of
 * 4 points per second, ready for a force-displacement plot.
 *
 * Run it with `npx tsx examples/multiplexer.ts` (it ends after 3 s).
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

const mux = new crappy.blocks.Multiplexer({ outLabels: ['F(N)', 'x(mm)'], interpFreq: 4 });
crappy.link(new Sensor('F(N)', 10, 100), mux);
crappy.link(new Sensor('x(mm)', 1, 7), mux);
crappy.link(mux, new crappy.blocks.LinkReader({ name: 'multiplexed' }));

await crappy.start({ logLevel: 'info' });
