/**
 * A button in the browser: each click on "Next step" sends the click count
 * (label `step`), shown in a Dashboard and plotted against time. Open the
 * address printed at start (`http://127.0.0.1:8050/?token=…`).
 *
 * The run ends by itself after 10 s (`CRAPPY_UI_DEMO_SECONDS` to change it).
 *
 * Run it with `npx tsx examples/button.ts`.
 */
import * as crappy from 'crappy';

const seconds = Number(process.env.CRAPPY_UI_DEMO_SECONDS ?? 10);

const button = new crappy.blocks.Button({ label: 'step', timeLabel: 't(s)', title: 'Next step', sendAtStart: true });
const dash = new crappy.blocks.Dashboard(['step'], { digits: 0 });
const graph = new crappy.blocks.Grapher([['t(s)', 'step']], { title: 'Steps' });
// Only there to end the run after `seconds`.
const clock = new crappy.blocks.Generator([{ type: 'Constant', value: 0, condition: `delay=${seconds}` }], { freq: 10, endDelay: 0 });

crappy.link(button, dash);
crappy.link(button, graph);
void clock;

await crappy.start({ logLevel: 'info' });
