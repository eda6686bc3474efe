/**
 * Writing your own InOut that sets outputs: `Valve` stands for a
 * pneumatic valve and its pressure regulator. Its `setCmd()` receives the
 * values of the IOBlock's `cmdLabels`, in their order: here the valve's
 * state and the pressure. The IOBlock sets `initialCmd` before the test,
 * `exitCmd` after it, and in between only the commands that changed (give
 * `spam: true` to set every command received).
 *
 * `Sequencer` opens and closes the valve every 0.5 s, raising the pressure
 * each second, and ends the run after 3 s.
 *
 * Run it with `npx tsx examples/custom_inout_writing.ts`.
 */
import * as crappy from 'crappy';

/** Prints every command it receives, as a valve driver would send it to the hardware. */
class Valve extends crappy.inout.InOut {
  override open(): void {
    console.log('Valve: connected');
  }

  override setCmd(open: unknown, pressure: unknown): void {
    console.log(`Valve: ${open ? 'open' : 'closed'}, ${Number(pressure).toFixed(1)} bar`);
  }

  override close(): void {
    console.log('Valve: disconnected');
  }
}

/** Sends the valve's state and pressure 20 times per second; ends the run after 3 s. */
class Sequencer extends crappy.Block {
  constructor() {
    super();
    this.freq = 20;
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send({ 't(s)': t, open: Math.floor(t / 0.5) % 2 === 1, 'p(bar)': 1 + Math.floor(t) });
    if (t > 3) this.stop();
  }
}

const valve = new crappy.blocks.IOBlock(Valve, {
  cmdLabels: ['open', 'p(bar)'],
  initialCmd: [false, 0],
  exitCmd: [false, 0],
  freq: 50,
});
crappy.link(new Sequencer(), valve);

await crappy.start({ logLevel: 'warning' });
