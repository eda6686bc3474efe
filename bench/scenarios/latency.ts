/**
 * latency: ping-pong between two free-running Blocks over two Links. The
 * pinger sends `{i}`, the echoer sends it back, the pinger times the round
 * trip with `process.hrtime.bigint()`: 200 warm-up round trips, then 2000
 * measured.
 */
import * as crappy from 'crappy';
import { percentile, printResult, readResult, round, shareResult } from '../lib.js';

const WARMUP = 200;
const MEASURED = 2000;

class Pinger extends crappy.Block {
  private readonly rtt = new Float64Array(MEASURED);
  private i = 0;
  private sentAt = 0n;
  private waiting = false;

  override loop(): void {
    if (!this.waiting) {
      this.sentAt = process.hrtime.bigint();
      this.send({ i: this.i });
      this.waiting = true;
      return;
    }
    const echo = this.recvData();
    if (echo.i !== this.i) return;
    const rtt = Number(process.hrtime.bigint() - this.sentAt) / 1000;
    if (this.i >= WARMUP) this.rtt[this.i - WARMUP] = rtt;
    this.i += 1;
    this.waiting = false;
    if (this.i === WARMUP + MEASURED) {
      shareResult('rtt', {
        rtt_us_p50: percentile(this.rtt, 50),
        rtt_us_p99: percentile(this.rtt, 99),
        rtt_us_max: percentile(this.rtt, 100),
      });
      this.stop();
    }
  }
}

class Echoer extends crappy.Block {
  override loop(): void {
    const message = this.recvData();
    if (message.i !== undefined) this.send(message);
  }
}

const pinger = new Pinger();
const echoer = new Echoer();
crappy.link(pinger, echoer);
crappy.link(echoer, pinger);

await crappy.start({ logLevel: 'warning' });

const rtt = readResult<Record<string, number>>('rtt');
printResult('latency', Object.fromEntries(Object.entries(rtt).map(([key, us]) => [key, round(us)])));
