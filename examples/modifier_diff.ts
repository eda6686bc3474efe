/**
 * The Diff Modifier: a position goes up by 2 mm/s with a wobble; the Link
 * adds its time derivative, the speed, as 'v(mm/s)'.
 *
 * Run it with `npx tsx examples/modifier_diff.ts` (it ends after 3 s).
 */
import * as crappy from 'crappy';

/** Sends a position, 5 times per second, and stops the run after 3 s. */
class Position extends crappy.Block {
  constructor() {
    super();
    this.freq = 5;
    this.labels = ['t(s)', 'x(mm)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, 2 * t + 0.1 * Math.sin(4 * t)]);
    if (t > 3) this.stop();
  }
}

crappy.link(new Position(), new crappy.blocks.LinkReader({ name: 'with speed' }), {
  modifier: new crappy.modifier.Diff('x(mm)', { outLabel: 'v(mm/s)' }),
});

await crappy.start({ logLevel: 'info' });
