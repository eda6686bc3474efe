/**
 * Live plots in the browser: a fast sine source (2 kHz) plotted over the
 * whole test (decimated by the Grapher to at most `maxPt` points) and over a
 * rolling window of its last 2000 points, next to the Generator's command.
 * Open the address printed at start (`http://127.0.0.1:8050/?token=…`).
 *
 * The run ends by itself after 10 s (`CRAPPY_UI_DEMO_SECONDS` to change it),
 * or with the page's Stop button.
 *
 * Run it with `npx tsx examples/grapher.ts`.
 */
import * as crappy from 'crappy';

const seconds = Number(process.env.CRAPPY_UI_DEMO_SECONDS ?? 10);

/** Sends a noisy sine, sample by sample, as fast as 2000 loops/s. */
class FastSine extends crappy.Block {
  constructor() {
    super();
    this.freq = 2000;
    this.labels = ['t(s)', 'signal'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send([t, Math.sin(2 * Math.PI * 2 * t) + 0.05 * Math.sin(2 * Math.PI * 97 * t)]);
  }
}

// The Generator's last Path ends the run `seconds` after the start.
const gen = new crappy.blocks.Generator(
  [{ type: 'Sine', freq: 0.2, amplitude: 2, offset: 0, condition: `delay=${seconds}` }],
  { freq: 100, cmdLabel: 'cmd', endDelay: 0 },
);
const source = new FastSine();
const whole = new crappy.blocks.Grapher([['t(s)', 'signal'], ['t(s)', 'cmd']], { maxPt: 5000, title: 'Whole test (decimated)' });
const window = new crappy.blocks.Grapher([['t(s)', 'signal']], { length: 2000, title: 'Last 2000 points' });

crappy.link(source, whole);
crappy.link(gen, whole);
crappy.link(source, window);

await crappy.start({ logLevel: 'info' });
