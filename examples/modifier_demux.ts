/**
 * The Demux Modifier: a streaming acquisition sends blocks of 10 samples of
 * two channels (a voltage and a current); the Link turns each block into
 * one message with the mean of each channel and of the time.
 *
 * Run it with `npx tsx examples/modifier_demux.ts` (it ends after 2 s).
 */
import * as crappy from 'crappy';

/** Sends, 5 times per second, blocks of 10 samples at 50 Hz of two channels; stops the run after 2 s. */
class Streamer extends crappy.Block {
  private blocks = 0;

  constructor() {
    super();
    this.freq = 5;
  }

  override loop(): void {
    const times = Array.from({ length: 10 }, (_, i) => (10 * this.blocks + i) / 50);
    const samples = times.map((t) => Float64Array.of(5 + Math.sin(t), 0.1 * Math.cos(t)));
    this.send({ 't(s)': times, stream: samples });
    this.blocks += 1;
    if (this.blocks === 10) this.stop();
  }
}

crappy.link(new Streamer(), new crappy.blocks.LinkReader({ name: 'demuxed' }), {
  modifier: new crappy.modifier.Demux(['U(V)', 'I(A)'], { mean: true }),
});

await crappy.start({ logLevel: 'info' });
