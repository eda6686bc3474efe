/**
 * A Machine driving two simulated Actuators together:
 * - a FakeStepperMotor in position mode, sent to 10 mm, then back to 5 mm
 *   at 4 mm/s (its `speed` setting, replaced by the values of `speedCmdLabel`);
 * - a FakeDCMotor in speed mode, driven by its voltage.
 *
 * `Program` sends the commands and ends the run after 4 s; `Printer` prints
 * the positions and speeds the Machine sends, 4 times per second.
 *
 * Run it with `npx tsx examples/machine.ts`.
 */
import * as crappy from 'crappy';

/** Sends the stepper's target and speed, and the DC motor's voltage; ends the run after 4 s. */
class Program extends crappy.Block {
  constructor() {
    super();
    this.freq = 10;
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send({
      't(s)': t,
      'target(mm)': t < 2 ? 10 : 5,
      'speed(mm/s)': t < 2 ? 10 : 4,
      'U(V)': t < 2 ? 1 : 0.5,
    });
    if (t > 4) this.stop();
  }
}

/** Prints the last positions and speeds received. */
class Printer extends crappy.Block {
  constructor() {
    super();
    this.freq = 4;
  }

  override loop(): void {
    const d = this.recvLastData(false);
    if (typeof d['t(s)'] !== 'number') return;
    const num = (label: string, digits: number): string => (d[label] as number).toFixed(digits);
    console.log(`t = ${num('t(s)', 2)} s: stepper at ${num('x(mm)', 3)} mm (${num('v(mm/s)', 2)} mm/s), DC motor at ${num('rpm', 0)} RPM`);
  }
}

const machine = new crappy.blocks.Machine(
  [
    {
      type: 'FakeStepperMotor',
      mode: 'position',
      cmdLabel: 'target(mm)',
      speed: 10,
      speedCmdLabel: 'speed(mm/s)',
      positionLabel: 'x(mm)',
      speedLabel: 'v(mm/s)',
      acceleration: 20,
    },
    { type: 'FakeDCMotor', mode: 'speed', cmdLabel: 'U(V)', speedLabel: 'rpm', inertia: 0.2 },
  ],
  { freq: 100 },
);
crappy.link(new Program(), machine);
crappy.link(machine, new Printer());

await crappy.start({ logLevel: 'warning' });
