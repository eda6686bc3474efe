/**
 * Two custom modifiers on a Link: a plain function that converts a force
 * from N to kN, and a Modifier class that keeps state between messages
 * (the maximum force so far). Modifiers run in the sending Block's thread,
 * on a copy of each message; returning null (or nothing) drops it.
 *
 * Run it with `npx tsx examples/custom_modifier.ts` (it ends after 2 s).
 */
import * as crappy from 'crappy';

/** Adds 'Fmax(kN)', the largest 'F(kN)' seen so far, and drops the messages below 0.5 kN. */
class PeakForce extends crappy.Modifier {
  private peak = -Infinity;

  call(data: crappy.Message): crappy.ModifierResult {
    const force = data['F(kN)'] as number;
    this.peak = Math.max(this.peak, force);
    if (force < 0.5) return null;
    data['Fmax(kN)'] = this.peak;
    return data;
  }
}

/** Sends a force going up and down between 0 and 1000 N, 5 times per second; stops the run after 2 s. */
class Force extends crappy.Block {
  constructor() {
    super();
    this.freq = 5;
    this.labels = ['t(s)', 'F(N)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, 500 + 500 * Math.sin(3 * t)]);
    if (t > 2) this.stop();
  }
}

/** A function modifier: the same message with the force in kN. */
function toKilonewtons(data: crappy.Message): crappy.Message {
  const { 'F(N)': force, ...rest } = data;
  return { ...rest, 'F(kN)': (force as number) / 1000 };
}

crappy.link(new Force(), new crappy.blocks.LinkReader({ name: 'peaks' }), {
  modifier: [toKilonewtons, new PeakForce()],
});

await crappy.start({ logLevel: 'info' });
