/**
 * The Cyclic Path: 1 for 0.5 s, then 0 for 1 s, two and a half times
 * (five phases); each `delay` counts from the start of its phase.
 *
 * Run it with `npx tsx examples/path_cyclic.ts`.
 */
import * as crappy from 'crappy';

/** Prints every command it receives. */
class Printer extends crappy.Block {
  override loop(): void {
    const data = this.recvAllData();
    (data.cmd ?? []).forEach((cmd, i) => {
      console.log(`t = ${(data['t(s)']![i] as number).toFixed(2)} s  cmd = ${String(cmd)}`);
    });
  }
}

const gen = new crappy.blocks.Generator(
  [{ type: 'Cyclic', value1: 1, condition1: 'delay=0.5', value2: 0, condition2: 'delay=1', cycles: 2.5 }],
  { freq: 20, endDelay: 0 },
);
crappy.link(gen, new Printer());

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
