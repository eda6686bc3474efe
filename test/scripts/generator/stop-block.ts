// A StopBlock ends a run that would never end by itself: on a received label
// ('label' mode) or on time, with no input Link at all ('time' mode).
import * as crappy from 'crappy';
import { Count } from './collect.js';

const mode = process.argv[2];
const count = new Count(100);
if (mode === 'label') crappy.link(count, new crappy.blocks.StopBlock(['n>30', 'n<0']));
else new crappy.blocks.StopBlock('t(s)>0.5');

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('MAIN DONE');
