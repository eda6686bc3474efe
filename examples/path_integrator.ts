/**
 * The Integrator Path: the command is the integral over time of a received
 * force, divided by an inertia (a speed from a force and a mass). The force
 * is 2 for 1 s, then −1: the command rises at 1 unit/s, then falls at
 * 0.5 unit/s. The Path ends after 3 s.
 *
 * Run it with `npx tsx examples/path_integrator.ts`.
 */
import * as crappy from 'crappy';

/** Sends a force: 2 during the first second, −1 after. */
class Force extends crappy.Block {
  constructor() {
    super();
    this.freq = 50;
    this.labels = ['t(s)', 'F(N)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, t < 1 ? 2 : -1]);
  }
}

/** Prints every command it receives. */
class Printer extends crappy.Block {
  override loop(): void {
    const data = this.recvAllData();
    (data.cmd ?? []).forEach((cmd, i) => {
      console.log(`t = ${(data['t(s)']![i] as number).toFixed(2)} s  speed = ${(cmd as number).toFixed(3)}`);
    });
  }
}

const gen = new crappy.blocks.Generator(
  [{ type: 'Integrator', inertia: 2, funcLabel: 'F(N)', timeLabel: 't(s)', initValue: 0, condition: 'delay=3' }],
  { freq: 10, endDelay: 0 },
);
crappy.link(new Force(), gen);
crappy.link(gen, new Printer());

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
