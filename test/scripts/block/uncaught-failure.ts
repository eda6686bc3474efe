// A Block that throws in the method named by the first argument, and a script
// that does not catch the CrappyFail of start(): Node prints it as it ends.
import * as crappy from 'crappy';
import { mode, Probe } from './probe.js';

new Probe({ tag: 'thrower', throwIn: mode as 'prepare' | 'loop' });
new Probe({ tag: 'bystander', stopAfter: null });
new Probe({ tag: 'other', stopAfter: null });
await crappy.start({ logLevel: 'info' });
