/**
 * A run that stays up until its page stops it, for the access tests: a
 * Generator (sine) feeds a Dashboard, next to a Button and a StopButton. The ui
 * options come as JSON in the first argument (the port is always 0).
 */
import * as crappy from 'crappy';

const gen = new crappy.blocks.Generator([{ type: 'Sine', freq: 1, amplitude: 1, condition: null }], { freq: 50, cmdLabel: 'cmd' });
crappy.link(gen, new crappy.blocks.Dashboard(['cmd']));
crappy.link(new crappy.blocks.Button({ label: 'step' }), new crappy.blocks.Dashboard(['step']));
void new crappy.blocks.StopButton();

const options = JSON.parse(process.argv[2] ?? '{}') as crappy.UiOptions;
try {
  await crappy.start({ logLevel: 'info', ui: { ...options, port: 0 } });
  if (crappy.isMainThread) console.log('start() resolved');
} catch (error) {
  console.log(`start() failed: ${(error as Error).message}`);
}
