/**
 * Recording a fast stream to HDF5 with the HDFRecorder Block.
 *
 * `Daq` plays an acquisition board in streamer mode: 20 times per second it
 * sends a block of 100 samples of 2 channels (raw 16-bit values), as
 * `{'t(s)': times, stream: rows}`. After 2 s it stops the run. The
 * HDFRecorder appends every row to the dataset `table` (int16, growing as
 * rows come) of `<tmp>/crappy-examples/stream.h5`, with two metadata
 * datasets, `rate` and `channels`.
 *
 * Run it with `npx tsx examples/hdf_recorder.ts`; look at the file with
 * `h5dump -H <file>` (Debian package hdf5-tools) or any HDF5 reader.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as crappy from 'crappy';

/** Samples per second and per channel. */
const RATE = 2000;
/** Samples per block sent. */
const BLOCK = 100;
/** How long the test lasts (s). */
const DURATION = 2;

/** A fake board: a sine on channel 0 and a ramp on channel 1, in ADC counts. */
class Daq extends crappy.Block {
  private sample = 0;

  constructor() {
    super();
    this.freq = RATE / BLOCK;
  }

  override loop(): void {
    const times: number[] = [];
    const rows: Int16Array[] = [];
    for (let i = 0; i < BLOCK; i++, this.sample++) {
      const t = this.sample / RATE;
      times.push(t);
      rows.push(new Int16Array([Math.round(10_000 * Math.sin(2 * Math.PI * 5 * t)), this.sample % 32_768]));
    }
    this.send({ 't(s)': times, stream: rows });
    if (this.sample >= RATE * DURATION) this.stop();
  }
}

const recorder = new crappy.blocks.HDFRecorder(join(tmpdir(), 'crappy-examples', 'stream.h5'), {
  metadata: { rate: RATE, channels: ['AIN0', 'AIN1'] },
});
crappy.link(new Daq(), recorder);

await crappy.start({ logLevel: 'info' });
console.log(`\nSaved ${RATE * DURATION} rows of 2 channels to ${recorder.path}`);
console.log(`Look at it with: h5dump -H ${recorder.path}`);
