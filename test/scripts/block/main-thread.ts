// crappy.isMainThread, and code after start() running once.
import * as crappy from 'crappy';
import { mark, Probe } from './probe.js';

mark('before', { isMainThread: crappy.isMainThread });
new Probe({ tag: 'a', stopAfter: 2 });
new Probe({ tag: 'b', stopAfter: null });
await crappy.start({ logLevel: 'warning' });
mark('after', { isMainThread: crappy.isMainThread });
