// Two Blocks that would loop for ever; the test sends SIGINT once both
// loop. Argument: 'noRaise' to start with { noRaise: true }.
import * as crappy from 'crappy';
import { mark, mode, Probe } from './probe.js';

new Probe({ tag: 'a', stopAfter: null });
new Probe({ tag: 'b', stopAfter: null, freq: null });
try {
  await crappy.start({ logLevel: 'info', noRaise: mode === 'noRaise' });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: (error as Error).name, isKbi: error instanceof crappy.KeyboardInterrupt });
}
mark('after', { instances: crappy.Block.instances.length });
