/**
 * Standalone (not in `npm run bench`): the graph of `examples/demo.ts`
 * (Generator → FakeMachine → Recorder, without the UI) with a 1 kHz sender
 * and a 1 kHz receiver beside it, 5 Blocks in all, for `--seconds` (default
 * 60). Time it as a process to get its CPU time:
 *
 *     /usr/bin/time -v npx tsx bench/demo_with_1khz.ts [--seconds=60]
 *
 * Prints `{"scenario": "demo_with_1khz", sent, received, received_pct}`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as crappy from 'crappy';
import { intArg, printResult, readResult, shareResult } from './lib.js';

const seconds = intArg('seconds', 60);
const RATE = 1000;
const folder = join(tmpdir(), `crappy-demo-1khz-${process.pid}`);

if (crappy.isMainThread) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
}

/** Sends `{i}` at every loop, and ends the run after `seconds`. */
class Sender extends crappy.Block {
  private i = 0;

  constructor() {
    super({ freq: RATE });
  }

  override loop(): void {
    if (this.i < seconds * RATE) {
      this.send({ i: this.i });
      this.i += 1;
      if (this.i === seconds * RATE) shareResult('sent', this.i);
    } else if (this.clock.time() - this.t0 > seconds + 1) {
      this.stop();
    }
  }
}

/** Counts what it receives, reading at 1 kHz. */
class Receiver extends crappy.Block {
  private received = 0;

  constructor() {
    super({ freq: RATE });
  }

  override loop(): void {
    const data = this.recvAllData();
    this.received += data.i?.length ?? 0;
  }

  override finish(): void {
    this.received += this.recvAllData().i?.length ?? 0;
    shareResult('received', this.received);
  }
}

const generator = new crappy.blocks.Generator(
  [{ type: 'Cyclic', value1: 2, condition1: 'Exx(%)>1', value2: -2, condition2: 'F(N)<0', cycles: 1000 }],
  { freq: 100, cmdLabel: 'cmd', endDelay: null },
);
const machine = new crappy.blocks.FakeMachine({ freq: 100 });
const recorder = new crappy.blocks.Recorder(join(folder, 'tensile_test.csv'), { delay: 1 });
crappy.link(generator, machine);
crappy.link(machine, generator);
crappy.link(machine, recorder, { modifier: new crappy.modifier.MovingAvg(5) });
crappy.link(new Sender(), new Receiver());

await crappy.start({ logLevel: 'error' });

if (crappy.isMainThread) {
  const sent = readResult<number>('sent');
  const received = readResult<number>('received');
  printResult('demo_with_1khz', { sent, received, received_pct: Math.round((1000 * received) / sent) / 10 });
  rmSync(folder, { recursive: true, force: true });
}
