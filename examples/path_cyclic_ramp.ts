/**
 * The CyclicRamp Path: a triangle wave, up at 4 units/s for 0.5 s, down at
 * −4 units/s for 0.5 s, three times, starting from 0.
 *
 * Run it with `npx tsx examples/path_cyclic_ramp.ts`.
 */
import * as crappy from 'crappy';

/** Draws every command it receives as a bar. */
class Bars extends crappy.Block {
  override loop(): void {
    const data = this.recvAllData();
    (data.cmd ?? []).forEach((cmd, i) => {
      const value = cmd as number;
      // A late loop overshoots the turning point a little, so the value can
      // dip just below 0: draw no bar then.
      const bar = '#'.repeat(Math.max(0, Math.round(value * 10)));
      console.log(`t = ${(data['t(s)']![i] as number).toFixed(2)} s  ${value.toFixed(2).padStart(5)} ${bar}`);
    });
  }
}

const gen = new crappy.blocks.Generator(
  [{ type: 'CyclicRamp', initValue: 0, speed1: 4, condition1: 'delay=0.5', speed2: -4, condition2: 'delay=0.5', cycles: 3 }],
  { freq: 20, endDelay: 0 },
);
crappy.link(gen, new Bars());

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
