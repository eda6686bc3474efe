// Multiplexer in a full run: a = 10 t sampled every 0.01 s and b = 100 + t
// sampled every 0.05 s, put on a 20 Hz grid; the collector stops the run
// after 20 messages.
import * as crappy from 'crappy';
import { Collector, Series } from './helpers.js';

const fast = new Series((i) => ({ 't(s)': i / 100, a: i / 10 }), 2000, 100);
const slow = new Series((j) => ({ 't(s)': j / 20, b: 100 + j / 20 }), 400, 20);
const mux = new crappy.blocks.Multiplexer({ outLabels: ['a', 'b'], interpFreq: 20 });
crappy.link(fast, mux);
crappy.link(slow, mux);
crappy.link(mux, new Collector(20));
await crappy.start({ logLevel: 'warning' });
