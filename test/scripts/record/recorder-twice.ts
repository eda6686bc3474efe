// Two runs in one script, each recording to the same file name: the second
// run's file gets an index. After each start(), the main thread's Recorder
// must name the file its worker wrote.
import { join } from 'node:path';
import * as crappy from 'crappy';
import { folder, mark } from './mark.js';

class Counter extends crappy.Block {
  private count = 0;
  constructor() {
    super();
    this.freq = 100;
  }
  override loop(): void {
    this.count += 1;
    this.send({ i: this.count });
    if (this.count === 10) this.stop();
  }
}

for (const run of [1, 2]) {
  const recorder = new crappy.blocks.Recorder(join(folder, 'data.csv'));
  const hdf = new crappy.blocks.HDFRecorder(join(folder, 'data.h5'));
  const counter = new Counter();
  crappy.link(counter, recorder);
  crappy.link(counter, hdf, { modifier: (data) => ({ stream: [[data.i as number]] }) });
  await crappy.start({ logLevel: 'warning' });
  mark('done', { run, path: recorder.path, fileInitialized: recorder.fileInitialized, columns: recorder.columns, hdf: hdf.path });
}
