// Full run of IOBlocks: a custom InOut defined here (read with zeroing, written with initial and exit
// commands, echoing its last command in its readings), and FakeInOut as a streamer.
import * as crappy from 'crappy';
import { Collector, Driver, mark } from './common.js';

/** Reads `[t, 5, 7, last command]`; marks each command and its closing. */
class Echo extends crappy.inout.InOut {
  private last = 0;

  override getData(): number[] {
    return [this.clock.time(), 5, 7, this.last];
  }
  override setCmd(value: unknown): void {
    mark('setCmd', { value });
    this.last = value as number;
  }
  override close(): void {
    mark('close');
  }
}

// Sends 1, then 2 once 1 is echoed, then 3 (each repeated in every loop); done once 3 is echoed and a stream chunk arrived.
const driver = new Driver({
  plan: (seen) => ({ cmd: Math.min(3, ((seen.echo as number | undefined) ?? 0) + 1) }),
  done: (seen) => seen.echo === 3 && 'memory(MB)' in seen,
});
const io = new crappy.blocks.IOBlock(Echo, {
  labels: ['t(s)', 'a', 'b', 'echo'],
  cmdLabels: 'cmd',
  initialCmd: 0,
  exitCmd: -1,
  makeZeroDelay: 0.2,
  freq: 100,
});
const streamer = new crappy.blocks.IOBlock('FakeInOut', { streamer: true, labels: ['t(s)', 'memory(MB)'], freq: 20 });
crappy.link(driver, io);
crappy.link(io, driver);
crappy.link(streamer, driver);
crappy.link(io, new Collector('readings'));
crappy.link(streamer, new Collector('stream'));

await crappy.start({ logLevel: 'warning' });
mark('done');
