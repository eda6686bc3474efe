/**
 * The Custom Path: a profile read from a 2-column text file (time, value),
 * here examples/data/custom_path.csv, interpolated linearly. The Path ends
 * after the last time of the file.
 *
 * Run it with `npx tsx examples/path_custom.ts`.
 */
import * as crappy from 'crappy';

/** Prints every command it receives. */
class Printer extends crappy.Block {
  override loop(): void {
    const data = this.recvAllData();
    (data.cmd ?? []).forEach((cmd, i) => {
      console.log(`t = ${(data['t(s)']![i] as number).toFixed(2)} s  cmd = ${(cmd as number).toFixed(3)}`);
    });
  }
}

const gen = new crappy.blocks.Generator(
  // a URL relative to this script, so that it runs from any folder
  [{ type: 'Custom', fileName: new URL('./data/custom_path.csv', import.meta.url), delimiter: ',' }],
  { freq: 10, endDelay: 0 },
);
crappy.link(gen, new Printer());

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
