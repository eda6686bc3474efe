// A graph that differs at every run of the script (a Link named from
// Math.random()): the workers cannot rebuild it and the run fails.
import * as crappy from 'crappy';
import { Collect, mark, Probe } from './probe.js';

crappy.link(new Probe({ stopAfter: null, send: true }), new Collect(), { name: `link-${Math.random()}` });
try {
  await crappy.start({ logLevel: 'warning' });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: (error as Error).name });
}
