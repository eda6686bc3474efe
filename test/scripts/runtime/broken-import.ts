// An entry whose compile for the workers fails: it imports a file that does
// not exist, behind a dynamic import that the main thread never runs.
import * as crappy from 'crappy';
import { mark } from '../block/probe.js';

if (process.argv[2] === 'never') {
  // @ts-expect-error the file is missing on purpose
  await import('./no-such-file.js');
}
new (class Idle extends crappy.Block {
  override loop(): void {}
})();
try {
  await crappy.start({ logLevel: 'warning' });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: 'threw', message: (error as Error).message });
}
