// A PI corrector drives a simulated first-order system towards a setpoint
// of 1 until the system has stayed within 0.05 of it for 100 of its loops
// (or 30 s have passed: the test then fails); two Recorders save the PID's
// output and the system's.
import { join } from 'node:path';
import * as crappy from 'crappy';
import { folder, mark } from './mark.js';

class Setpoint extends crappy.Block {
  constructor() {
    super();
    this.freq = 50;
  }
  override loop(): void {
    this.send({ cmd: 1 });
  }
}

/** dV/dt = (u − V) / tau, solved exactly over each real time step (u held), so a late loop cannot overshoot. */
class Plant extends crappy.Block {
  private v = 0;
  private settled = 0;
  private u = 0;
  private last: number | null = null;
  constructor(readonly tau: number) {
    super();
    this.freq = 200;
  }
  override loop(): void {
    const data = this.recvLastData();
    if (typeof data.pid === 'number') this.u = data.pid;
    const t = this.clock.time() - this.t0;
    if (this.last !== null) this.v += (this.u - this.v) * (1 - Math.exp(-(t - this.last) / this.tau));
    this.last = t;
    this.send({ 't(s)': t, V: this.v });
    this.settled = Math.abs(this.v - 1) < 0.05 ? this.settled + 1 : 0;
    if (this.settled >= 100 || t > 30) this.stop();
  }
}

const setpoint = new Setpoint();
const plant = new Plant(0.2);
const pid = new crappy.blocks.PID(1, { ki: 3, outMax: 5, outMin: -5, sendTerms: true, freq: 200 });
crappy.link(setpoint, pid);
crappy.link(plant, pid);
crappy.link(pid, plant);
crappy.link(pid, new crappy.blocks.Recorder(join(folder, 'pid.csv'), { delay: 0.5 }));
crappy.link(plant, new crappy.blocks.Recorder(join(folder, 'plant.csv'), { delay: 0.5 }));
await crappy.start({ logLevel: 'warning' });
mark('done');
