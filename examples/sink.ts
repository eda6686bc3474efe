/**
 * The Sink Block: a Block that only works when something reads its output
 * (here a stand-in for an acquisition board that counts its samples) is
 * linked to a Sink, which takes and drops everything.
 *
 * Run it with `npx tsx examples/sink.ts` (it ends after 2 s).
 */
import * as crappy from 'crappy';

/** Acquires 100 times per second only when it has an output Link; logs its count and stops the run after 2 s. */
class Acquisition extends crappy.Block {
  private samples = 0;

  constructor() {
    super();
    this.freq = 100;
    this.labels = ['t(s)', 'U(V)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    if (this.outputs.length > 0) {
      this.samples += 1;
      this.send([t, Math.random()]);
    }
    if (t > 2) {
      this.log('info', `${this.samples} samples acquired, all dropped by the Sink`);
      this.stop();
    }
  }
}

crappy.link(new Acquisition(), new crappy.blocks.Sink());

await crappy.start({ logLevel: 'info' });
