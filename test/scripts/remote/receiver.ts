// One receiving ClientServer on the broker at MQTT_PORT, topics
// [['t(s)', 'F(N)'], 'cmd']; Collect prints every row it gets and its t0,
// and stops the run when it gets cmd = 'end'.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

class Collect extends crappy.Block {
  rows: crappy.Message[] = [];
  override loop(): void {
    let message = this.recvData();
    while (Object.keys(message).length > 0) {
      this.rows.push(message);
      if (message.cmd === 'end') this.stop();
      message = this.recvData();
    }
  }
  override finish(): void {
    writeSync(1, `@@ ${JSON.stringify({ event: 'rows', main: false, rows: this.rows, t0: this.t0 })}\n`);
  }
}

const receiver = new crappy.blocks.ClientServer({ port: Number(process.env.MQTT_PORT), topics: [['t(s)', 'F(N)'], 'cmd'], initOutput: { cmd: 'idle' } });
crappy.link(receiver, new Collect());
await crappy.start({ logLevel: 'info' });
if (crappy.isMainThread) writeSync(1, `@@ ${JSON.stringify({ event: 'stats', main: true, receiver: receiver.stats })}\n`);
