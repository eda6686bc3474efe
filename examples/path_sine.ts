/**
 * The Sine Path: 0.5 Hz, 4 peak to peak (from −1 to 3) around 1, for 4 s,
 * drawn as a bar in the terminal.
 *
 * Run it with `npx tsx examples/path_sine.ts`.
 */
import * as crappy from 'crappy';

/** Draws every command it receives as a bar. */
class Bars extends crappy.Block {
  override loop(): void {
    const data = this.recvAllData();
    (data.cmd ?? []).forEach((cmd, i) => {
      const value = cmd as number;
      const bar = '#'.repeat(Math.round((value + 1) * 10));
      console.log(`t = ${(data['t(s)']![i] as number).toFixed(2)} s  ${value.toFixed(2).padStart(5)} ${bar}`);
    });
  }
}

const gen = new crappy.blocks.Generator(
  [{ type: 'Sine', freq: 0.5, amplitude: 4, offset: 1, phase: 0, condition: 'delay=4' }],
  { freq: 10, endDelay: 0 },
);
crappy.link(gen, new Bars());

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
