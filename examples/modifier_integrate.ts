/**
 * The Integrate Modifier: a speed command of 1 mm/s then 3 mm/s; the Link
 * adds its time integral, the distance travelled, as 'x(mm)'.
 *
 * Run it with `npx tsx examples/modifier_integrate.ts` (it ends after 3 s).
 */
import * as crappy from 'crappy';

/** Sends a speed of 1 mm/s for 1.5 s then 3 mm/s, 5 times per second, and stops the run after 3 s. */
class Speed extends crappy.Block {
  constructor() {
    super();
    this.freq = 5;
    this.labels = ['t(s)', 'v(mm/s)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, t < 1.5 ? 1 : 3]);
    if (t > 3) this.stop();
  }
}

crappy.link(new Speed(), new crappy.blocks.LinkReader({ name: 'with distance' }), {
  modifier: new crappy.modifier.Integrate('v(mm/s)', { outLabel: 'x(mm)' }),
});

await crappy.start({ logLevel: 'info' });
