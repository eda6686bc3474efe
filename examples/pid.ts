/**
 * Closing a loop with the PID Block.
 *
 * - `Setpoint` sends the target `cmd`: 0, then 1 from 0.5 s; once the
 *   output `V` has stayed within 0.02 of 1 for a quarter of a second it
 *   steps to 2, and once `V` has settled at 2 the same way it stops the run.
 * - `Oven` simulates a first-order system (time constant 0.3 s, gain 1): its
 *   output `V` moves towards the command `pid` it receives, and it sends `V`
 *   with its time 200 times per second.
 * - The PID (kp 2, ki 4, output within ±10) reads `cmd`, `V` and `t(s)`, and
 *   sends `pid` back to the Oven.
 * - `Printer` prints the setpoint, the output and the command every 0.25 s.
 *
 * The steps follow the output, not the clock: a run on a busy machine takes
 * longer, and still ends settled. Run it with `npx tsx examples/pid.ts`.
 */
import * as crappy from 'crappy';

/** How close to the setpoint `V` must stay, and for how long, to count as settled. */
const TOLERANCE = 0.02;
const SETTLE_S = 0.25;

/** The setpoint profile: 0, a step to 1 at 0.5 s, a step to 2 once V has settled at 1; stops once V has settled at 2. */
class Setpoint extends crappy.Block {
  private target = 0;
  private settledSince: number | null = null;

  constructor() {
    super();
    this.freq = 50;
    this.labels = ['cmd'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    const { V } = this.recvLastData();
    if (this.target === 0 && t >= 0.5) this.target = 1;
    if (this.target > 0 && typeof V === 'number') {
      const close = Math.abs(V - this.target) < TOLERANCE;
      this.settledSince = close ? (this.settledSince ?? t) : null;
      if (this.settledSince !== null && t - this.settledSince >= SETTLE_S) {
        console.log(`V settled at ${this.target}: ${V.toFixed(3)} at t = ${t.toFixed(3)} s`);
        if (this.target === 2) {
          this.stop();
          return;
        }
        this.target = 2;
        this.settledSince = null;
      }
    }
    this.send([this.target]);
  }
}

/**
 * A first-order system: dV/dt = (pid − V) / tau, solved exactly over each real
 * time step (the command held constant), so that a late loop cannot overshoot.
 */
class Oven extends crappy.Block {
  private v = 0;
  private command = 0;
  private lastT: number | null = null;

  constructor(readonly tau: number) {
    super();
    this.freq = 200;
    this.labels = ['t(s)', 'V'];
  }

  override loop(): void {
    const { pid } = this.recvLastData();
    if (typeof pid === 'number') this.command = pid;
    const t = this.clock.time() - this.t0;
    if (this.lastT !== null) this.v += (this.command - this.v) * (1 - Math.exp(-(t - this.lastT) / this.tau));
    this.lastT = t;
    this.send([t, this.v]);
  }
}

/** Prints the newest setpoint, output and command 4 times per second. */
class Printer extends crappy.Block {
  constructor() {
    super();
    this.freq = 4;
  }

  override loop(): void {
    const data = this.recvLastData();
    const show = (label: string): string => (typeof data[label] === 'number' ? (data[label] as number).toFixed(3) : '-');
    console.log(`t = ${show('t(s)')} s   setpoint ${show('cmd')}   V ${show('V')}   command ${show('pid')}`);
  }
}

const setpoint = new Setpoint();
const oven = new Oven(0.3);
// 200 loops per second are plenty for this system (the PID's default is 500).
const pid = new crappy.blocks.PID(2, { ki: 4, outMin: -10, outMax: 10, freq: 200 });
const printer = new Printer();

crappy.link(setpoint, pid);
crappy.link(oven, setpoint);
crappy.link(oven, pid);
crappy.link(pid, oven);
crappy.link(setpoint, printer);
crappy.link(oven, printer);
crappy.link(pid, printer);

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('The run is over.');
