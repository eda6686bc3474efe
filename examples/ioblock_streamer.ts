/**
 * An IOBlock in streamer mode: the FakeInOut returns 10 readings of the
 * memory used by this process at once, as `[times, rows]`; the IOBlock
 * sends each chunk as one message `{'t(s)': times, 'memory(MB)': rows}`.
 * `ChunkPrinter` prints a summary of each chunk and ends the run after 10.
 *
 * Run it with `npx tsx examples/ioblock_streamer.ts`.
 */
import * as crappy from 'crappy';

/** Prints the size, time span and mean of each chunk; ends the run after 10 chunks. */
class ChunkPrinter extends crappy.Block {
  private chunks = 0;

  constructor() {
    super();
    this.freq = 20;
  }

  override loop(): void {
    const data = this.recvAllData();
    const times = (data['t(s)'] ?? []) as Float64Array[];
    const blocks = (data['memory(MB)'] ?? []) as number[][][];
    times.forEach((t, i) => {
      const rows = blocks[i]!;
      const mean = rows.reduce((sum, row) => sum + row[0]!, 0) / rows.length;
      this.chunks += 1;
      console.log(
        `chunk ${this.chunks}: ${t.length} readings from t = ${t[0]!.toFixed(4)} s to ${t[t.length - 1]!.toFixed(4)} s, mean ${mean.toFixed(1)} MB`,
      );
    });
    if (this.chunks >= 10) this.stop();
  }
}

const streamer = new crappy.blocks.IOBlock('FakeInOut', { streamer: true, labels: ['t(s)', 'memory(MB)'], freq: 5 });
crappy.link(streamer, new ChunkPrinter());

await crappy.start({ logLevel: 'warning' });
