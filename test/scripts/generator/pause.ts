// A Pause with a time window and no input Link pauses a pausable counter
// from 0.5 s to 1.5 s; a StopBlock ends the run at 2.2 s.
import * as crappy from 'crappy';
import { Collect, Count } from './collect.js';

const count = new Count(50);
const collect = new Collect('samples');
crappy.link(count, collect);
new crappy.blocks.Pause('t(s)>0.5 && t(s)<1.5');
new crappy.blocks.StopBlock('t(s)>2.2');

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('MAIN DONE');
