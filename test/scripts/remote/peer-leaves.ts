// Two runs in two processes, on the embedded broker of the first, port
// MQTT_PORT. ROLE=stays: hosts the broker and receives 'n'; its Collect ends
// the run 1.5 s after the last row, and prints when that row came and when
// the run ended. ROLE=leaves: sends 'n' 50 times a second for 1 s, then ends.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

const port = Number(process.env.MQTT_PORT);

class Count extends crappy.Block {
  n = 0;
  constructor() {
    super();
    this.freq = 50;
  }
  override loop(): void {
    this.send({ n: (this.n += 1) });
    if (this.clock.time() - this.t0 > 1) this.stop();
  }
}

class Collect extends crappy.Block {
  rows = 0;
  lastRow: number | null = null;
  constructor() {
    super();
    this.freq = 50;
  }
  override loop(): void {
    const t = this.clock.time() - this.t0;
    const got = ((this.recvAllData().n ?? []) as number[]).length;
    if (got > 0) {
      this.rows += got;
      this.lastRow = t;
    }
    if (this.lastRow !== null && t - this.lastRow > 1.5) {
      writeSync(1, `@@ ${JSON.stringify({ event: 'end', main: false, rows: this.rows, lastRow: this.lastRow, end: t })}\n`);
      this.stop();
    }
  }
}

if (process.env.ROLE === 'stays') {
  crappy.link(new crappy.blocks.ClientServer({ broker: true, port, topics: ['n'] }), new Collect());
} else {
  crappy.link(new Count(), new crappy.blocks.ClientServer({ port, cmdLabels: ['n'], connectTimeout: 30 }));
}
await crappy.start({ logLevel: 'info' });
