// The end of a run by the raise and kbi flags, set by hand by the main
// thread during the run, as the original's test does: arguments
// <raise 0|1> <kbi 0|1> <noRaise 0|1>.
import * as crappy from 'crappy';
import { mark, Probe, sleep } from './probe.js';

const [raise, kbi, noRaise] = process.argv.slice(2, 5).map((arg) => arg === '1');
new Probe({ stopAfter: null });
const running = crappy.start({ logLevel: 'warning', noRaise });
if (crappy.isMainThread) {
  while (crappy.runState.control === null) await sleep(5);
  const control = crappy.runState.control;
  await control.start.waitAsync(30);
  if (raise) control.raise.set();
  if (kbi) control.kbi.set();
  control.stop.set();
}
try {
  await running;
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: (error as Error).name, message: (error as Error).message });
}
mark('after', { instances: crappy.Block.instances.length, preparedAll: crappy.runState.preparedAll, launchedAll: crappy.runState.launchedAll, control: crappy.runState.control !== null });
