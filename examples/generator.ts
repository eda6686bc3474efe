/**
 * A Generator driving a command made of three Paths: a ramp up, a hold and
 * a sine, while a second Block watches the command and prints it. The first
 * Path ends on a label the Generator receives back (a closed loop); the
 * others on delays. Once the last Path is over, the Generator ends the run
 * by itself after `endDelay` seconds.
 *
 * Run it with `npx tsx examples/generator.ts`.
 */
import * as crappy from 'crappy';

/** Prints the commands it receives, and sends back how many it got. */
class Watcher extends crappy.Block {
  private received = 0;

  constructor() {
    super();
    this.freq = 50;
    this.labels = ['received'];
  }

  override loop(): void {
    const data = this.recvAllData();
    const cmds = data.cmd ?? [];
    cmds.forEach((cmd, i) => {
      const t = data['t(s)']![i] as number;
      console.log(`t = ${t.toFixed(2)} s  path ${String(data.index![i])}  cmd = ${(cmd as number).toFixed(3)}`);
    });
    this.received += cmds.length;
    if (cmds.length > 0) this.send([this.received]);
  }
}

const gen = new crappy.blocks.Generator(
  [
    // ramp from 0 at 2 units/s until the watcher has received 10 commands
    { type: 'Ramp', speed: 2, initValue: 0, condition: 'received>=10' },
    // hold the last value (no `value`: keeps the previous command) for 1 s
    { type: 'Constant', condition: 'delay=1' },
    // a 1 Hz sine of 2 peak to peak around 1, for 2 s
    { type: 'Sine', freq: 1, amplitude: 2, offset: 1, condition: 'delay=2' },
  ],
  { freq: 10, endDelay: 0.5 },
);
const watcher = new Watcher();
crappy.link(gen, watcher);
crappy.link(watcher, gen);

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('The Generator ended the run.');
