// The same kind of script in plain JavaScript, run with `node plain.mjs`.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

const mark = (event, data = {}) =>
  writeSync(1, `@@ ${JSON.stringify({ event, main: crappy.isMainThread, ...data })}\n`);

class Counter extends crappy.Block {
  n = 0;
  constructor() {
    super();
    this.freq = 100;
  }
  loop() {
    this.n += 1;
    this.send({ i: this.n });
    if (this.n === 5) this.stop();
  }
}

class Gather extends crappy.Block {
  got = [];
  loop() {
    this.got.push(...(this.recvAllData().i ?? []));
  }
  finish() {
    this.got.push(...(this.recvAllData().i ?? []));
    mark('collected', { block: this.name, got: this.got });
  }
}

mark('script-start');
crappy.link(new Counter(), new Gather(), { modifier: (data) => ({ ...data, i: data.i * 10 }) });
await crappy.start({ logLevel: 'warning' });
mark('returned');
