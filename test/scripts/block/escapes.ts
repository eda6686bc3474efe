// One way for a run to end that is not a plain error of a lifecycle method,
// named by the first argument, next to a bystander that loops until stopped:
//   kbi          loop() throws KeyboardInterrupt
//   reader-stop  loop() throws ReaderStop
//   rejection    loop() leaves a promise rejection unhandled
//   thread-error a timer of the worker throws, outside the lifecycle
//   exit         the worker's thread exits by itself with code 3
//   cleanup      a run extension's onCleanup throws
// The script marks how start() ended and whether every Block's finish() ran.
import * as crappy from 'crappy';
import { mark, mode, Probe } from './probe.js';

/** A Block that escapes the lifecycle in the way the mode names, on its first loop. */
class Escaper extends Probe {
  override loop(): void {
    super.loop();
    if (this.loops > 1) return;
    switch (mode) {
      case 'kbi':
        throw new crappy.KeyboardInterrupt();
      case 'reader-stop':
        throw new crappy.ReaderStop();
      case 'rejection':
        void Promise.reject(new Error('rejected on purpose'));
        return;
      case 'thread-error':
        setTimeout(() => {
          throw new Error('thrown in a timer on purpose');
        }, 0);
        return;
      case 'exit':
        process.exit(3);
    }
  }
}

if (mode === 'cleanup') {
  crappy.registerRunExtension({
    name: 'failing-cleanup',
    onCleanup: () => {
      mark('cleanup', { extension: 'failing-cleanup' });
      throw new Error('could not clean up on purpose');
    },
  });
  crappy.registerRunExtension({ name: 'later-cleanup', onCleanup: () => mark('cleanup', { extension: 'later-cleanup' }) });
}

new Escaper({ tag: 'escaper', stopAfter: mode === 'cleanup' ? 1 : null });
new Probe({ tag: 'bystander', stopAfter: null });
try {
  await crappy.start({ logLevel: 'warning' });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', {
    outcome: 'threw',
    name: (error as Error).name,
    message: (error as Error).message,
    isCrappyFail: error instanceof crappy.CrappyFail,
    isKbi: error instanceof crappy.KeyboardInterrupt,
  });
}
