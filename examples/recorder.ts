/**
 * Recording a test to CSV with the Recorder Block.
 *
 * `LoadCell` plays a load cell read 100 times per second during 3 s (a slow
 * ramp with some noise), then stops the run. The Recorder saves `t(s)` and
 * `F(N)` to `<tmp>/crappy-examples/recorder.csv`: the header first, then the
 * received rows every 0.5 s, and the last ones when the run ends. Next to it,
 * `recorder.csv.meta.json` describes the run (start date, script, Blocks,
 * Links). Running the example again writes `recorder_00001.csv`, and so on:
 * a Recorder never overwrites a file.
 *
 * Run it with `npx tsx examples/recorder.ts`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as crappy from 'crappy';

/** How long the test lasts (s). */
const DURATION = 3;

/** A fake load cell: a force ramp of 50 N/s with ±0.5 N of noise, at 100 Hz. */
class LoadCell extends crappy.Block {
  constructor() {
    super();
    this.freq = 100;
    this.labels = ['t(s)', 'F(N)', 'status'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    const force = 50 * t + (Math.random() - 0.5);
    this.send([t, Number(force.toFixed(3)), force > 100 ? 'over 100 N' : 'ok']);
    if (t >= DURATION) this.stop();
  }
}

// Only the labels listed are saved, in this order ('status' is left out).
const folder = join(tmpdir(), 'crappy-examples');
const recorder = new crappy.blocks.Recorder(join(folder, 'recorder.csv'), {
  labels: ['t(s)', 'F(N)'],
  delay: 0.5,
});
crappy.link(new LoadCell(), recorder);

await crappy.start({ logLevel: 'info' });

// After the run, in the main thread: show what was written. The Recorder
// chose its file name in its own thread (recorder.csv, or recorder_00001.csv
// and so on when earlier runs left theirs): it is the newest of them.
const written = readdirSync(folder)
  .filter((name) => /^recorder(_\d+)?\.csv$/.test(name))
  .map((name) => ({ path: join(folder, name), at: statSync(join(folder, name)).mtimeMs }))
  .sort((a, b) => a.at - b.at);
const path = written.at(-1)!.path;
const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
console.log(`\n${path}: ${lines.length - 1} rows`);
console.log([...lines.slice(0, 4), '...', ...lines.slice(-2)].join('\n'));
const meta = JSON.parse(readFileSync(`${path}.meta.json`, 'utf8')) as crappy.blocks.RunMetadata;
console.log(`\n${path}.meta.json: started ${meta.startDate} by ${meta.script}, Blocks ${meta.blocks.map((b) => b.class).join(', ')}`);
