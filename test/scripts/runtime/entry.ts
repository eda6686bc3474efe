// How a Block worker loads the user's script (the scenario is the first argument):
// - stack: a Block's error, thrown from an imported .ts file, logged with its stack;
// - where: what import.meta and process.argv say in the main thread and in the worker.
import * as crappy from 'crappy';
import { mark, mode } from '../block/probe.js';
import { failHere, here } from './helper.js';

class Where extends crappy.Block {
  override loop(): void {
    if (mode === 'stack') {
      try {
        failHere();
      } catch (error) {
        mark('stack', { stack: (error as Error).stack });
        throw error;
      }
    }
    mark('where', { block: this.name, ...where() });
    this.stop();
  }
}

function where(): Record<string, unknown> {
  return {
    script: { url: import.meta.url, filename: import.meta.filename, dirname: import.meta.dirname },
    helper: here,
    argv: process.argv.slice(1),
  };
}

mark('where', where());
new Where();
try {
  await crappy.start({ logLevel: 'warning' });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: 'threw', name: (error as Error).name });
}
