/**
 * Live values over a drawing in the browser: two "thermocouples" on a
 * sample, each a dot colored from blue (20 °C) to red (80 °C) with its value
 * next to it, and the elapsed time. Open the address printed at start
 * (`http://127.0.0.1:8050/?token=…`). Give `image: 'sample.png'` to draw over a
 * picture of your own set-up.
 *
 * The run ends by itself after 10 s (`CRAPPY_UI_DEMO_SECONDS` to change it).
 *
 * Run it with `npx tsx examples/canvas.ts`.
 */
import * as crappy from 'crappy';

const seconds = Number(process.env.CRAPPY_UI_DEMO_SECONDS ?? 10);

// A heating ramp from 20 to 80 °C over the run.
const heat = new crappy.blocks.Generator([{ type: 'Ramp', speed: 60 / seconds, initValue: 20, condition: `delay=${seconds}` }], {
  freq: 20,
  cmdLabel: 'T1',
  endDelay: 0,
});
const canvas = new crappy.blocks.Canvas(
  [
    { type: 'time', coord: [20, 30] },
    { type: 'dot', coord: [150, 120], label: 'T1', radius: 14 },
    { type: 'text', coord: [175, 120], label: 'T1', format: 'T1 = %.1f °C' },
    { type: 'dot', coord: [150, 200], label: 'T2', radius: 14 },
    { type: 'text', coord: [175, 200], label: 'T2', format: 'T2 = %.1f °C' },
  ],
  { width: 400, height: 260, colorRange: [20, 80], title: 'Sample temperatures' },
);
// T2 lags behind T1: computed on the Link, in the Generator's thread.
crappy.link(heat, canvas, { modifier: (data) => ({ ...data, T2: 20 + ((data.T1 as number) - 20) * 0.7 }) });

await crappy.start({ logLevel: 'info' });
