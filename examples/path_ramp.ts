/**
 * The Ramp Path: up at 2 units/s from 0 for 1.5 s, then down at 1 unit/s
 * from where the first ramp stopped until the command falls below 1 (the
 * Generator receives its own command back through a Link).
 *
 * Run it with `npx tsx examples/path_ramp.ts`.
 */
import * as crappy from 'crappy';

/** Prints every command it receives and sends it back as `'value'`. */
class Echo extends crappy.Block {
  constructor() {
    super();
    this.labels = ['value'];
  }

  override loop(): void {
    const data = this.recvAllData();
    (data.cmd ?? []).forEach((cmd, i) => {
      console.log(`t = ${(data['t(s)']![i] as number).toFixed(2)} s  path ${String(data.index![i])}  cmd = ${(cmd as number).toFixed(2)}`);
      this.send([cmd]);
    });
  }
}

const gen = new crappy.blocks.Generator(
  [
    { type: 'Ramp', speed: 2, initValue: 0, condition: 'delay=1.5' },
    { type: 'Ramp', speed: -1, condition: 'value<1' },
  ],
  { freq: 10, endDelay: 0 },
);
const echo = new Echo();
crappy.link(gen, echo);
crappy.link(echo, gen);

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
