/**
 * An IOBlock that reads and writes: it drives a FakeInOut, which reads the
 * memory used by this process and, as an output, allocates or releases
 * memory to follow a target.
 *
 * - `Target` sends the target memory: 40 MB more than the first reading
 *   for 1.5 s, then 80 MB more, and ends the run at 3.5 s;
 * - the IOBlock sets the target on the FakeInOut (`cmdLabels`) in every loop
 *   that receives one (`spam`: each call moves the memory by 8 MB), and
 *   sends its readings (`labels`), 20 times per second; at the end, its
 *   `exitCmd` (0) makes the FakeInOut release what it allocated;
 * - `Printer` prints the memory twice per second.
 *
 * Run it with `npx tsx examples/ioblock.ts`.
 */
import * as crappy from 'crappy';

/** Sends the target memory (MB), from the IOBlock's first reading; ends the run after 3.5 s. */
class Target extends crappy.Block {
  private baseline: number | null = null;

  constructor() {
    super();
    this.freq = 20;
  }

  override loop(): void {
    const memory = this.recvLastData()['memory(MB)'];
    if (this.baseline === null && typeof memory === 'number') this.baseline = memory;
    if (this.baseline === null) return;
    const t = this.clock.time() - this.t0;
    this.send({ 't(s)': t, 'target(MB)': this.baseline + (t < 1.5 ? 40 : 80) });
    if (t > 3.5) this.stop();
  }
}

/** Prints the last memory reading every half second. */
class Printer extends crappy.Block {
  constructor() {
    super();
    this.freq = 2;
  }

  override loop(): void {
    const data = this.recvLastData(false);
    if (typeof data['memory(MB)'] === 'number') {
      console.log(`t = ${(data['t(s)'] as number).toFixed(1)} s: ${data['memory(MB)'].toFixed(0)} MB used`);
    }
  }
}

const io = new crappy.blocks.IOBlock('FakeInOut', {
  labels: ['t(s)', 'memory(MB)'],
  cmdLabels: 'target(MB)',
  exitCmd: 0,
  spam: true,
  freq: 20,
});
const target = new Target();
crappy.link(target, io);
crappy.link(io, target);
crappy.link(io, new Printer());

await crappy.start({ logLevel: 'warning' });
