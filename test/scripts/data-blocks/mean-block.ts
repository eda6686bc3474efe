// MeanBlock in a full run: 100 messages/s with relative times t = i / 100,
// x = 2 and y = i, averaged over 0.2 s; the collector stops the run after
// two averaged messages.
import * as crappy from 'crappy';
import { Collector, Series } from './helpers.js';

const source = new Series((i) => ({ 't(s)': i / 100, x: 2, y: i }), 2000, 100);
const mean = new crappy.blocks.MeanBlock(0.2);
crappy.link(source, mean);
crappy.link(mean, new Collector(2));
await crappy.start({ logLevel: 'warning' });
