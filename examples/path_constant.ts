/**
 * The Constant Path: a value held until a condition. The second Path has
 * no `value`, so it holds the previous command.
 *
 * Run it with `npx tsx examples/path_constant.ts`.
 */
import * as crappy from 'crappy';

/** Prints every command it receives. */
class Printer extends crappy.Block {
  override loop(): void {
    const data = this.recvAllData();
    (data.cmd ?? []).forEach((cmd, i) => {
      console.log(`t = ${(data['t(s)']![i] as number).toFixed(2)} s  path ${String(data.index![i])}  cmd = ${String(cmd)}`);
    });
  }
}

const gen = new crappy.blocks.Generator(
  [
    { type: 'Constant', value: 1, condition: 'delay=1' },
    { type: 'Constant', value: 5, condition: 'delay=1' },
    { type: 'Constant', condition: 'delay=1' },
  ],
  // spam: send at every loop, even when the command does not change
  { freq: 4, spam: true, endDelay: 0 },
);
crappy.link(gen, new Printer());

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
