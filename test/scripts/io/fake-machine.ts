// Full run of a FakeMachine pulled at 1 mm/s without noise, until it moved 0.05 mm.
import * as crappy from 'crappy';
import { Collector, Driver, mark } from './common.js';

const driver = new Driver({ plan: () => ({ cmd: 1 }), done: (seen) => (seen['x(mm)'] as number) >= 0.05 });
const machine = new crappy.blocks.FakeMachine({ sigma: {}, l0: 100, rigidity: 1000 });
crappy.link(driver, machine);
crappy.link(machine, driver);
crappy.link(machine, new Collector('fake-machine'));

await crappy.start({ logLevel: 'warning' });
mark('done');
