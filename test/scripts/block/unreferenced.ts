// Blocks the script keeps no reference to still run.
import * as crappy from 'crappy';
import { Collect, mark, Probe } from './probe.js';

crappy.link(new Probe({ tag: 'nameless', stopAfter: 4, send: true }), new Collect('nameless'));
new Probe({ tag: 'alone', stopAfter: null });
await crappy.start({ logLevel: 'warning' });
mark('returned');
