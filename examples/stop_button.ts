/**
 * Stopping a test from the browser: click "Stop the test" on the page
 * (`http://127.0.0.1:8050/?token=…`) and the run ends cleanly: every Block's
 * `finish()` runs and `start()` resolves. The Recorder's file is complete.
 *
 * Without a click, the run ends by itself after 10 s
 * (`CRAPPY_UI_DEMO_SECONDS` to change it).
 *
 * Run it with `npx tsx examples/stop_button.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as crappy from 'crappy';

const seconds = Number(process.env.CRAPPY_UI_DEMO_SECONDS ?? 10);
// The same folder in every thread: the main thread makes it, the workers reuse it.
const folder = (process.env.CRAPPY_STOP_BUTTON_DIR ??= mkdtempSync(join(tmpdir(), 'crappy-stop-button-')));

const gen = new crappy.blocks.Generator([{ type: 'Sine', freq: 0.5, amplitude: 1, condition: `delay=${seconds}` }], {
  freq: 50,
  cmdLabel: 'cmd',
  endDelay: 0,
});
const rec = new crappy.blocks.Recorder(join(folder, 'cmd.csv'));
const stop = new crappy.blocks.StopButton({ title: 'Stop' });
const graph = new crappy.blocks.Grapher([['t(s)', 'cmd']]);
crappy.link(gen, rec);
crappy.link(gen, graph);
void stop;

await crappy.start({ logLevel: 'info' });
if (crappy.isMainThread) console.log(`The run is over; the command is in ${join(folder, 'cmd.csv')}`);
