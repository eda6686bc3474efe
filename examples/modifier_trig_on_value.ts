/**
 * The TrigOnValue Modifier: a test cycles through the states 'load',
 * 'hold' and 'unload'; the Link lets through only the messages of the
 * 'hold' state.
 *
 * Run it with `npx tsx examples/modifier_trig_on_value.ts` (it ends after 3 s).
 */
import * as crappy from 'crappy';

const STATES = ['load', 'hold', 'unload'];

/** Sends the state (changing every 0.4 s) 10 times per second, and stops the run after 3 s. */
class Cycle extends crappy.Block {
  constructor() {
    super();
    this.freq = 10;
    this.labels = ['t(s)', 'state'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, STATES[Math.floor(t / 0.4) % STATES.length]]);
    if (t > 3) this.stop();
  }
}

crappy.link(new Cycle(), new crappy.blocks.LinkReader({ name: 'holding' }), {
  modifier: new crappy.modifier.TrigOnValue('state', 'hold'),
});

await crappy.start({ logLevel: 'info' });
