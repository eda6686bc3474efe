// Modifiers in a full run, applied in the sender's thread: Mean(5) then
// Offset on one Link, DownSampler(4) on another. The source sends 20
// messages and stops the run once both collectors took everything.
import * as crappy from 'crappy';
import { Collector, Series } from './helpers.js';

const source = new Series((i) => ({ 't(s)': i / 100, v: i }), 20, 100, true);
crappy.link(source, new Collector(), { modifier: [new crappy.modifier.Mean(5), new crappy.modifier.Offset('v', 0)] });
crappy.link(source, new Collector(), { modifier: new crappy.modifier.DownSampler(4) });
await crappy.start({ logLevel: 'warning' });
