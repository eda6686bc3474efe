// A sender linked to a receiver, and a third Block with no Link (argument
// 'alone': only that Block). The run must warn about the unlinked Block
// when there are others, and only then.
import * as crappy from 'crappy';
import { Collect, mode, Probe } from './probe.js';

if (mode !== 'alone') crappy.link(new Probe({ tag: 'sender', send: true, stopAfter: 3 }), new Collect('receiver'));
new Probe({ tag: 'lonely', stopAfter: 3 });
await crappy.start({ logLevel: 'warning' });
