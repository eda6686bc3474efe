// record.ts in plain JavaScript, for `node record.mjs <file.csv> [finish-ms=N]`.
import { existsSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as crappy from 'crappy';

const mark = (event, data = {}) => writeSync(1, `@@ ${JSON.stringify({ event, main: crappy.isMainThread, ...data })}\n`);

class Counter extends crappy.Block {
  sent = 0;
  constructor() {
    super();
    this.freq = 100;
  }
  loop() {
    this.sent += 1;
    this.send({ i: this.sent });
  }
  finish() {
    mark('finish', { block: 'counter', sent: this.sent });
  }
}

class MarkedRecorder extends crappy.blocks.Recorder {
  finish() {
    const extra = Number(/^finish-ms=(\d+)$/.exec(process.argv[3] ?? '')?.[1] ?? 0);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, extra);
    super.finish();
    mark('finish', { block: 'recorder', path: this.path });
  }
}

// Once rows reach the file, the main thread says so: the test then presses Ctrl+C.
if (crappy.isMainThread) {
  const watch = setInterval(() => {
    if (!existsSync(process.argv[2]) || statSync(process.argv[2]).size < 3) return;
    clearInterval(watch);
    mark('rows-flow');
  }, 20).unref();
}

crappy.link(new Counter(), new MarkedRecorder(process.argv[2], { delay: 0.2 }));
try {
  await crappy.start({ logLevel: 'info' });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: error.name });
}
await sleep(1000);
mark('after');
