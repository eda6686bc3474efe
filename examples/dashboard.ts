/**
 * Latest values in the browser: a Dashboard shows the time and the command
 * of a Generator with 3 digits, and a "waiting for" line for a label that
 * never comes. Open the address printed at start (`http://127.0.0.1:8050/?token=…`).
 *
 * The run ends by itself after 10 s (`CRAPPY_UI_DEMO_SECONDS` to change it).
 *
 * Run it with `npx tsx examples/dashboard.ts`.
 */
import * as crappy from 'crappy';

const seconds = Number(process.env.CRAPPY_UI_DEMO_SECONDS ?? 10);

const gen = new crappy.blocks.Generator(
  [
    { type: 'Ramp', speed: 1, initValue: 0, condition: `delay=${seconds / 2}` },
    { type: 'Sine', freq: 0.5, amplitude: 2, offset: 5, condition: `delay=${seconds / 2}` },
  ],
  { freq: 50, cmdLabel: 'cmd', endDelay: 0 },
);
const dash = new crappy.blocks.Dashboard(['t(s)', 'cmd', 'F(N)'], { digits: 3, title: 'Live values' });
crappy.link(gen, dash);

await crappy.start({ logLevel: 'info' });
