// A graph whose number of Blocks depends on the run of the script: the
// main thread builds 2 Blocks, every worker builds 3.
import * as crappy from 'crappy';
import { mark, Probe } from './probe.js';

new Probe({ stopAfter: null });
new Probe({ stopAfter: null });
// Stands for any value that differs between runs of the script.
if (!crappy.isMainThread) new Probe({ stopAfter: null });
try {
  await crappy.start({ logLevel: 'warning' });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: (error as Error).name });
}
