// A sender and a receiver of one run, on the broker at MQTT_PORT, for as
// long as the test lets them run (it ends the run with SIGINT): the Source
// sends {t(s), n} 200 times a second; Collect prints a marker every 20 rows
// received. WHILE_DISCONNECTED sets the sender's whileDisconnected option.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

const where = { port: Number(process.env.MQTT_PORT), connectTimeout: Number(process.env.CONNECT_TIMEOUT ?? 10) };
const mark = (event: string, data: object, main = false): void => {
  writeSync(1, `@@ ${JSON.stringify({ event, main, ...data })}\n`);
};

class Source extends crappy.Block {
  n = 0;
  constructor() {
    super();
    this.freq = 200;
  }
  override loop(): void {
    this.n += 1;
    this.send({ 't(s)': this.clock.time() - this.t0, n: this.n });
  }
  override finish(): void {
    mark('source', { sent: this.n });
  }
}

class Collect extends crappy.Block {
  counts: number[] = [];
  override loop(): void {
    for (const n of (this.recvAllData().n ?? []) as number[]) {
      this.counts.push(n);
      if (this.counts.length % 20 === 0) mark('received', { rows: this.counts.length, last: n });
    }
  }
  override finish(): void {
    mark('counts', { counts: this.counts });
  }
}

const whileDisconnected = (process.env.WHILE_DISCONNECTED ?? 'drop') as 'drop' | 'queue';
const sender = new crappy.blocks.ClientServer({ ...where, cmdLabels: [['t(s)', 'n']], whileDisconnected });
const receiver = new crappy.blocks.ClientServer({ ...where, topics: [['t(s)', 'n']] });
crappy.link(new Source(), sender);
crappy.link(receiver, new Collect());
await crappy.start({ logLevel: 'info', noRaise: true });
if (crappy.isMainThread) mark('stats', { sender: sender.stats, receiver: receiver.stats }, true);
