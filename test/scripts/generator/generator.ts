// A Generator whose Paths end on a label sent by another Block, then on a
// delay; it ends the run itself. The collector prints what it got. The
// counter starts once it got the Generator's first command: were n > 5
// already waiting at the Generator's first loop, its first Path would end
// before sending anything.
import * as crappy from 'crappy';
import { Collect, Count } from './collect.js';

const count = new Count(100, false, 'F(N)');
const gen = new crappy.blocks.Generator(
  [
    { type: 'Constant', value: 1, condition: 'n>5' },
    { type: 'Ramp', speed: 10, condition: 'n>=20' },
    { type: 'Constant', value: -1, condition: 'delay=0.1' },
  ],
  { freq: 100, endDelay: 0.2, cmdLabel: 'F(N)', pathIndexLabel: 'step' },
);
const collect = new Collect('gen');
crappy.link(count, gen);
crappy.link(gen, collect);
crappy.link(gen, count);

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('MAIN DONE');
