// Two ClientServers of one run exchange a count through a broker: the
// embedded one (BROKER=embedded, port 0) or the one at MQTT_PORT (Mosquitto).
// The Source sends rows {t(s), n, tag} (n = 1..N), published as one topic
// renamed to {t(s), count, tag}; the Collect Block stops the run once it
// received count N, and prints every row it received. BROKER_PORT sets the
// embedded broker's port, CONNECT_TIMEOUT the connectTimeout of the others.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

const N = Number(process.env.ROWS ?? 300);
const embedded = process.env.BROKER === 'embedded';
const where = embedded
  ? { broker: true, port: Number(process.env.BROKER_PORT ?? 0) }
  : { port: Number(process.env.MQTT_PORT), connectTimeout: Number(process.env.CONNECT_TIMEOUT ?? 10) };

class Source extends crappy.Block {
  n = 0;
  constructor() {
    super();
    this.freq = 500;
  }
  override loop(): void {
    if (this.n >= N) return;
    this.n += 1;
    this.send({ 't(s)': this.clock.time() - this.t0, n: this.n, tag: `row ${this.n}`, samples: new Float64Array([this.n, -this.n]) });
  }
}

class Collect extends crappy.Block {
  rows: crappy.Message[] = [];
  override loop(): void {
    let message = this.recvData();
    while (Object.keys(message).length > 0) {
      this.rows.push(message);
      if (message.count === N) this.stop();
      message = this.recvData();
    }
  }
  override finish(): void {
    writeSync(1, `@@ ${JSON.stringify({ event: 'rows', main: false, rows: this.rows })}\n`);
  }
}

const sender = new crappy.blocks.ClientServer({ ...where, cmdLabels: [['t(s)', 'n', 'tag', 'samples']], labelsToSend: [['t(s)', 'count', 'tag', 'samples']] });
const receiver = new crappy.blocks.ClientServer({ ...where, topics: [['t(s)', 'count', 'tag', 'samples']], freq: 500 });
crappy.link(new Source(), sender);
crappy.link(receiver, new Collect(), { capacity: 4096 });
await crappy.start({ logLevel: 'info' });
if (crappy.isMainThread) writeSync(1, `@@ ${JSON.stringify({ event: 'stats', main: true, sender: sender.stats, receiver: receiver.stats })}\n`);
