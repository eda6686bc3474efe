// A streamer sends 20 blocks of 10 rows × 2 channels, then stops the run;
// an HDFRecorder saves them as int32.
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
    const rows: Int32Array[] = [];
    for (let r = 0; r < 10; r++) {
      const n = this.blocks * 10 + r;
      rows.push(new Int32Array([n, -n]));
    }
    this.send({ 't(s)': this.clock.time() - this.t0, stream: rows });
    this.blocks += 1;
    if (this.blocks === 20) this.stop();
  }
}

const recorder = new crappy.blocks.HDFRecorder(join(folder, 'stream.h5'), { atom: 'int32', metadata: { rate: 500, channels: ['AIN0', 'AIN1'] } });
crappy.link(new Streamer(), recorder);
await crappy.start({ logLevel: 'warning' });
mark('done', { path: recorder.path });
