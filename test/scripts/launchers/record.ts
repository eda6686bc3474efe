// A counter sends {i: 1, 2, 3...} 100 times a second to a Recorder until the
// test presses Ctrl+C (one SIGINT to the whole process group, as a terminal
// does). Argument: the CSV file to write. Markers tell the test what every
// Block did; the CSV must then hold every row the counter sent.
import { existsSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as crappy from 'crappy';

const mark = (event: string, data: Record<string, unknown> = {}): void => {
  writeSync(1, `@@ ${JSON.stringify({ event, main: crappy.isMainThread, ...data })}\n`);
};

class Counter extends crappy.Block {
  private sent = 0;

  constructor() {
    super();
    this.freq = 100;
  }

  override loop(): void {
    this.sent += 1;
    this.send({ i: this.sent });
  }

  override finish(): void {
    mark('finish', { block: 'counter', sent: this.sent });
  }
}

class MarkedRecorder extends crappy.blocks.Recorder {
  override finish(): void {
    // Argument 'finish-ms=N': the Recorder takes N ms more to finish.
    const extra = Number(/^finish-ms=(\d+)$/.exec(process.argv[3] ?? '')?.[1] ?? 0);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, extra);
    super.finish();
    mark('finish', { block: 'recorder', path: this.path });
  }
}

// Once rows reach the file, the main thread says so: the test then presses Ctrl+C.
if (crappy.isMainThread) {
  const watch: NodeJS.Timeout = setInterval(() => {
    if (!existsSync(process.argv[2]!) || statSync(process.argv[2]!).size < 3) return;
    clearInterval(watch);
    mark('rows-flow');
  }, 20).unref();
}

crappy.link(new Counter(), new MarkedRecorder(process.argv[2]!, { delay: 0.2 }));
try {
  await crappy.start({ logLevel: 'info' });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: (error as Error).name });
}
await sleep(1000);
mark('after');
