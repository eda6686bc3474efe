// A streamer sends 20 blocks of 10 rows × 2 channels to an HDFRecorder, marks
// `sent`, then keeps the run going, sending nothing more, until the file
// `release` appears in the folder: meanwhile the test reads the HDF5 file,
// which holds the rows only once the recorder has flushed it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as crappy from 'crappy';
import { folder, mark } from './mark.js';

class Streamer extends crappy.Block {
  private blocks = 0;
  constructor() {
    super();
    this.freq = 50;
  }
  override loop(): void {
    if (this.blocks === 20) {
      if (existsSync(join(folder, 'release'))) this.stop();
      return;
    }
    const rows: Int32Array[] = [];
    for (let r = 0; r < 10; r++) {
      const n = this.blocks * 10 + r;
      rows.push(new Int32Array([n, -n]));
    }
    this.send({ 't(s)': this.clock.time() - this.t0, stream: rows });
    this.blocks += 1;
    if (this.blocks === 20) mark('sent', { rows: 200 });
  }
}

const recorder = new crappy.blocks.HDFRecorder(join(folder, 'flushed.h5'), { atom: 'int32' });
crappy.link(new Streamer(), recorder);
await crappy.start({ logLevel: 'warning' });
mark('done', { path: recorder.path });
