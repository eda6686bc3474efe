// Two runs in one script, each with its own graph (S11). The workers of
// the second run re-run the script but pass over the first run.
import * as crappy from 'crappy';
import { Collect, mark, Probe } from './probe.js';

mark('script-start');
const first = new Probe({ tag: 'run1', stopAfter: 3 });
await crappy.start({ logLevel: 'warning' });
// Code between the runs also runs in the workers of the second run, where
// the first run never started: only the main thread reads its t0.
mark('between', { instances: crappy.Block.instances.length, t0: crappy.isMainThread ? first.t0 : null });

const sender = new Probe({ tag: 'run2', stopAfter: 5, send: true });
const link = crappy.link(sender, new Collect('run2'));
// At debug level, the end of the run reports every Link, this one included.
await crappy.start({ logLevel: 'debug' });
mark('end', { t0First: first.t0, t0Second: sender.t0, names: [first.name, sender.name], stats: link.stats });
