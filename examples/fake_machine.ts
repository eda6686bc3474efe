/**
 * A simulated tensile test on the FakeMachine: load at 2 mm/s up to 1 % of
 * strain, unload until the force is back to zero (the sample keeps some
 * plastic strain), then pull until the sample breaks, at 1.51 % of strain.
 * `Controller` plays the role of a Generator: it reads the machine's data
 * and sends the speed command on `'cmd'`; it prints the main steps and ends
 * the run when the sample broke.
 *
 * Run it with `npx tsx examples/fake_machine.ts`.
 */
import * as crappy from 'crappy';

/** The test's steps, in order. */
type Step = 'load' | 'unload' | 'pull';

/**
 * Sends the speed of each step, switching on the strain and the force read;
 * ends the run at the break: a force below a tenth of the largest one, at
 * the largest strain reached so far.
 */
class Controller extends crappy.Block {
  private step: Step = 'load';
  private maxForce = 0;
  private maxStrain = 0;

  constructor() {
    super();
    this.freq = 50;
  }

  override loop(): void {
    const data = this.recvLastData();
    const strain = data['Exx(%)'] as number | undefined;
    const force = data['F(N)'] as number | undefined;
    if (strain === undefined || force === undefined) return;
    this.maxForce = Math.max(this.maxForce, force);
    this.maxStrain = Math.max(this.maxStrain, strain);
    if (this.step === 'load' && strain > 1) this.next('unload', strain, force);
    else if (this.step === 'unload' && force < 0) this.next('pull', strain, force);
    else if (this.step === 'pull' && strain >= this.maxStrain && force < this.maxForce / 10) {
      console.log(`The sample broke at ${strain.toFixed(2)} % of strain, after a largest force of ${(this.maxForce / 1000).toFixed(1)} kN`);
      this.stop();
    }
    this.send({ cmd: this.step === 'unload' ? -2 : 2 });
  }

  private next(step: Step, strain: number, force: number): void {
    console.log(`${this.step} done at ${strain.toFixed(3)} % of strain, ${(force / 1000).toFixed(1)} kN; now ${step}`);
    this.step = step;
  }
}

const machine = new crappy.blocks.FakeMachine();
const controller = new Controller();
crappy.link(controller, machine);
crappy.link(machine, controller);

await crappy.start({ logLevel: 'warning' });
