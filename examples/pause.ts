/**
 * The Pause Block pauses the other Blocks while a criterion holds: here
 * from 1 s to 2.5 s after the start. The Generator (pausable) stops sending
 * meanwhile, while the Printer (not pausable) keeps running and shows the
 * gap. A StopBlock ends the run at 4 s.
 *
 * Run it with `npx tsx examples/pause.ts`.
 */
import * as crappy from 'crappy';

/** Prints every command it receives; keeps running during pauses. */
class Printer extends crappy.Block {
  constructor() {
    super();
    this.pausable = false;
  }

  override loop(): void {
    const data = this.recvAllData();
    (data.cmd ?? []).forEach((cmd, i) => {
      console.log(`t = ${(data['t(s)']![i] as number).toFixed(2)} s  cmd = ${(cmd as number).toFixed(2)}`);
    });
  }
}

const gen = new crappy.blocks.Generator([{ type: 'Ramp', speed: 1, initValue: 0, condition: null }], { freq: 5 });
crappy.link(gen, new Printer());
new crappy.blocks.Pause('t(s)>1 && t(s)<2.5');
new crappy.blocks.StopBlock('t(s)>4');

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
