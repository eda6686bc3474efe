// start() without any Block returns at once.
import * as crappy from 'crappy';
import { mark } from './probe.js';

await crappy.start({ logLevel: 'info' });
mark('returned');
