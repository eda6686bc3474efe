// A Block that throws in the lifecycle method named by the first argument,
// next to a bystander that would loop until stopped: start() must reject
// with CrappyFail once both Blocks have run their finish().
import * as crappy from 'crappy';
import { mark, mode, Probe } from './probe.js';

const where = mode as 'prepare' | 'begin' | 'loop' | 'finish';
new Probe({ tag: 'thrower', throwIn: where, stopAfter: where === 'finish' ? 1 : null });
new Probe({ tag: 'bystander', stopAfter: null });
try {
  await crappy.start({ logLevel: 'warning' });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: 'threw', name: (error as Error).name, isCrappyFail: error instanceof crappy.CrappyFail });
}
mark('after', { instances: crappy.Block.instances.length, preparedAll: crappy.runState.preparedAll });
