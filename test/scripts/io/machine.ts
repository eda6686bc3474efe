// Full run of a Machine driving a FakeStepperMotor in position and a FakeDCMotor in speed, until the
// stepper reached its target and the DC motor runs.
import * as crappy from 'crappy';
import { Collector, Driver, mark } from './common.js';

const driver = new Driver({
  plan: () => ({ target: 2, volts: 1 }),
  done: (seen) => seen['x(mm)'] === 2 && (seen.rpm as number) > 100,
});
const machine = new crappy.blocks.Machine(
  [
    { type: 'FakeStepperMotor', mode: 'position', cmdLabel: 'target', positionLabel: 'x(mm)', acceleration: 200, maxSpeed: 20 },
    { type: crappy.actuator.FakeDCMotor, cmdLabel: 'volts', speedLabel: 'rpm' },
  ],
  { freq: 100 },
);
crappy.link(driver, machine);
crappy.link(machine, driver);
crappy.link(machine, new Collector('machine'));

await crappy.start({ logLevel: 'warning' });
mark('done');
