/**
 * The LinkReader Block: two Blocks send messages to one LinkReader, which
 * logs each message it receives, Link after Link, with the name it was
 * given.
 *
 * Run it with `npx tsx examples/link_reader.ts` (it ends after 2 s).
 */
import * as crappy from 'crappy';

/** Sends a position 2 times per second, and stops the run after 2 s. */
class Position extends crappy.Block {
  constructor() {
    super();
    this.freq = 2;
    this.labels = ['t(s)', 'x(mm)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, 0.5 * t]);
    if (t > 2) this.stop();
  }
}

/** Sends a status text once per second. */
class Status extends crappy.Block {
  constructor() {
    super();
    this.freq = 1;
  }

  override loop(): void {
    this.send({ 't(s)': this.clock.time() - this.t0, status: 'running' });
  }
}

const reader = new crappy.blocks.LinkReader({ name: 'Monitor' });
crappy.link(new Position(), reader);
crappy.link(new Status(), reader);

await crappy.start({ logLevel: 'info' });
