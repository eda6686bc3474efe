// Follows a run through crappy.events and marks every event the main thread
// got. A Flooder sends 200 messages per loop into a Link of capacity 10 that
// its receiver reads only at 5 Hz, so the Link drops; a Pauser sets the run's
// pause event for its loops 5 to 24 and logs when it does; with the argument
// 'fail', it throws in its 30th loop, else it stops the run there. A last
// listener of 'state' throws, which must not disturb the run.
import * as crappy from 'crappy';
import { mark, mode } from './probe.js';

class Flooder extends crappy.Block {
  constructor() {
    super();
    this.freq = 20;
    this.pausable = false;
  }
  override loop(): void {
    for (let i = 0; i < 200; i++) this.send({ i });
  }
}

class Slow extends crappy.Block {
  constructor() {
    super();
    this.freq = 5;
    this.pausable = false;
  }
  override loop(): void {
    this.recvAllData();
  }
}

class Pauser extends crappy.Block {
  private loops = 0;
  constructor() {
    super();
    this.freq = 20;
    this.pausable = false;
  }
  override loop(): void {
    this.loops += 1;
    if (this.loops === 5) {
      this.log('info', 'pausing the run');
      this.controlBlock!.pause.set();
    }
    if (this.loops === 25) this.controlBlock!.pause.clear();
    if (this.loops === 30) {
      if (mode === 'fail') throw new Error('planned failure');
      this.stop();
    }
  }
}

crappy.link(new Flooder(), new Slow(), { capacity: 10, name: 'flood' });
new Pauser();
crappy.events.on('state', (state) => mark('state', { state }));
crappy.events.on('blockError', (error) => mark('blockError', { ...error }));
crappy.events.on('linkDrop', (drop) => mark('linkDrop', { ...drop }));
crappy.events.on('log', (record) => {
  if (/has no Link|pausing/.test(record.message)) mark('log', { name: record.name, message: record.message });
});
crappy.events.on('state', () => {
  throw new Error('a buggy listener');
});
crappy.events.on('end', (end) => mark('end', { ...end }));
try {
  await crappy.start({ logLevel: 'info', noRaise: false });
  mark('result', { outcome: 'returned' });
} catch (error) {
  mark('result', { outcome: (error as Error).name });
}
