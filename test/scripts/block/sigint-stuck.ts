// Ctrl+C while the only Block is stuck in a 40 s synchronous loop: no
// thread exits by itself, yet the run must not wait for it longer than
// the 3.5 s grace.
import * as crappy from 'crappy';
import { mark } from './probe.js';

class Stuck extends crappy.Block {
  override loop(): void {
    mark('hanging', { block: this.name });
    const end = Date.now() + 40_000;
    while (Date.now() < end) {
      /* never yields */
    }
    mark('hang-over', { block: this.name });
  }
  override finish(): void {
    mark('finish', { block: this.name });
  }
}

new Stuck();
let sigintAt = 0;
if (crappy.isMainThread) process.on('SIGINT', () => (sigintAt ||= Date.now()));
let outcome = 'returned';
try {
  await crappy.start({ logLevel: 'info' });
} catch (error) {
  outcome = (error as Error).name;
}
mark('result', { outcome, sinceSigint: (Date.now() - sigintAt) / 1000 });
process.on('exit', () => mark('exit', { sinceSigint: (Date.now() - sigintAt) / 1000 }));
