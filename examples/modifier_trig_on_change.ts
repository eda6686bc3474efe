/**
 * The TrigOnChange Modifier: a step number goes up every 0.5 s and is sent
 * 50 times per second; the Link lets through only the messages where it
 * changed, one per step.
 *
 * Run it with `npx tsx examples/modifier_trig_on_change.ts` (it ends after 3 s).
 */
import * as crappy from 'crappy';

/** Sends the current step (one every 0.5 s), 50 times per second, and stops the run after 3 s. */
class Steps extends crappy.Block {
  constructor() {
    super();
    this.freq = 50;
    this.labels = ['t(s)', 'step'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, Math.floor(t / 0.5)]);
    if (t > 3) this.stop();
  }
}

crappy.link(new Steps(), new crappy.blocks.LinkReader({ name: 'new step' }), {
  modifier: new crappy.modifier.TrigOnChange('step'),
});

await crappy.start({ logLevel: 'info' });
