/**
 * A run with every UI Block, for the browser test: a Generator (sine)
 * feeds a Grapher, a Dashboard and a Canvas; a Button feeds the Dashboard;
 * a StopButton ends the run. The server picks a free port (printed).
 */
import * as crappy from 'crappy';

const gen = new crappy.blocks.Generator([{ type: 'Sine', freq: 0.5, amplitude: 10, offset: 20, condition: null }], {
  freq: 200,
  cmdLabel: 'cmd',
});
const graph = new crappy.blocks.Grapher([['t(s)', 'cmd']], { title: 'Command' });
const dash = new crappy.blocks.Dashboard(['cmd', 'step'], { digits: 3, title: 'Values' });
const button = new crappy.blocks.Button({ label: 'step', title: 'Next step' });
const canvas = new crappy.blocks.Canvas(
  [
    { type: 'time', coord: [10, 20] },
    { type: 'dot', coord: [60, 100], label: 'cmd', radius: 14 },
    { type: 'text', coord: [85, 100], label: 'cmd', format: 'cmd = %.2f' },
  ],
  { width: 320, height: 160, colorRange: [10, 30], title: 'Canvas' },
);
const stopButton = new crappy.blocks.StopButton();
crappy.link(gen, graph);
crappy.link(gen, dash);
crappy.link(gen, canvas);
crappy.link(button, dash);

await crappy.start({ logLevel: 'info', ui: { port: 0 } });
if (crappy.isMainThread) console.log('start() resolved');
void stopButton;
