// A full run on real pseudo-terminals through the hardware hub: an IOBlock
// reads a simulated Agilent 34420A at 100 Hz; a Machine drives a simulated
// Oriental ARD-K motor in speed from a Generator; Recorders write both.
// The simulators answer in the main thread on the far ends of the pty pairs.
// Arguments: meterNear meterFar motorNear motorFar folder [failure]
// failure: 'silent-meter' (the meter stops answering after 50 readings),
//          'missing-port' (the meter's port does not exist).
import { join } from 'node:path';
import * as crappy from 'crappy';
import { writeSync } from 'node:fs';

const [meterNear, meterFar, motorNear, motorFar, folder, failure] = process.argv.slice(2) as [string, string, string, string, string, string | undefined];
const { Agilent34420ASimulator, OrientalARDKSimulator, servePty } = crappy.hardware;

function mark(event: string, data: Record<string, unknown> = {}): void {
  writeSync(1, `@@ ${JSON.stringify({ event, ...data })}\n`);
}

/** Marks its own finish(), so that the test knows finish ran in a failed run too. */
class MarkedIOBlock extends crappy.blocks.IOBlock {
  override finish(): crappy.MaybePromise {
    const result = super.finish();
    return Promise.resolve(result).then(() => mark('ioblock-finished'));
  }
}

const meter = new Agilent34420ASimulator((n) => n / 1000);
const motor = new OrientalARDKSimulator(1);
if (crappy.isMainThread) meter.silentAfter = failure === 'silent-meter' ? 50 : Infinity;

const dmm = new MarkedIOBlock('Agilent34420A', {
  labels: ['t(s)', 'U(V)'],
  device: failure === 'missing-port' ? '/dev/ttyDOESNOTEXIST' : meterNear,
  timeout: 2,
  freq: 100,
});
const generator = new crappy.blocks.Generator([{ type: 'Constant', value: 1, condition: 'delay=3' }], { freq: 50, cmdLabel: 'cmd' });
const machine = new crappy.blocks.Machine([{ type: 'OrientalARDK', port: motorNear, cmdLabel: 'cmd', positionLabel: 'x', timeout: 2 }], { freq: 20 });
crappy.link(dmm, new crappy.blocks.Recorder(join(folder, 'meter.csv')));
crappy.link(generator, machine);
crappy.link(machine, new crappy.blocks.Recorder(join(folder, 'motor.csv')));

let served: Array<{ close(): Promise<void> }> = [];
if (crappy.isMainThread) served = [await servePty(meterFar, meter), await servePty(motorFar, motor, 115200)];
try {
  await crappy.start({ logLevel: 'warning' });
  mark('completed');
} catch (error) {
  mark('failed', { error: String(error) });
} finally {
  mark('motor', { commands: motor.commands, speed: motor.speed });
  for (const port of served) await port.close();
}
