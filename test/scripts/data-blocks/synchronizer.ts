// Synchronizer in a full run: ref = k at t = k / 10, and x = 10 t sampled
// every 0.01 s, put on the reference's times; the collector stops the run
// after 10 messages.
import * as crappy from 'crappy';
import { Collector, Series } from './helpers.js';

const reference = new Series((k) => ({ 't(s)': k / 10, ref: k }), 200, 10);
const signal = new Series((j) => ({ 't(s)': j / 100, x: j / 10 }), 2000, 100);
const sync = new crappy.blocks.Synchronizer('ref', { labelsToSync: 'x' });
crappy.link(reference, sync);
crappy.link(signal, sync);
crappy.link(sync, new Collector(10));
await crappy.start({ logLevel: 'warning' });
