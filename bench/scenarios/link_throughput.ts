/**
 * link_throughput: one free-running Block sends `{t(s), a, b, c}` as fast as
 * it can for 5 s over a `whenFull: 'block'` Link to one free-running Block
 * calling `recvAllData()` each loop. Then the sender sends nothing for 2.5 s,
 * during which the receiver measures its own CPU use over 2 s.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as crappy from 'crappy';
import { cpuMark, cpuPctSince, printResult, readResult, round, shareResult, type CpuMark } from '../lib.js';

/** Seconds after t0 when the sender stops sending. */
const SEND_END = 5;
/** Idle window of the receiver, in seconds after t0. */
const IDLE_START = SEND_END + 0.25;
const IDLE_END = IDLE_START + 2;

class Sender extends crappy.Block {
  private mark!: CpuMark;
  private sending = true;

  override begin(): void {
    this.mark = cpuMark();
  }

  override async loop(): Promise<void> {
    if (this.sending) {
      const t = this.clock.time() - this.t0;
      if (t < SEND_END) {
        this.send({ 't(s)': t, a: 1, b: 2, c: 3 });
        return;
      }
      this.sending = false;
      shareResult('sender', { cpu_pct: cpuPctSince(this.mark) });
    }
    await sleep(20);
  }
}

class Receiver extends crappy.Block {
  private received = 0;
  private first = 0;
  private last = 0;
  private mark!: CpuMark;
  private busyCpu = NaN;
  private idleMark: CpuMark | null = null;

  override begin(): void {
    this.mark = cpuMark();
  }

  override loop(): void {
    const n = this.recvAllData()['t(s)']?.length ?? 0;
    const now = this.clock.time();
    if (n > 0) {
      if (this.received === 0) this.first = now;
      this.received += n;
      this.last = now;
      return;
    }
    const t = now - this.t0;
    if (t < SEND_END) return;
    if (Number.isNaN(this.busyCpu)) this.busyCpu = cpuPctSince(this.mark);
    if (t >= IDLE_START && this.idleMark === null) this.idleMark = cpuMark();
    if (t >= IDLE_END && this.idleMark !== null) {
      shareResult('receiver', {
        recv_msgs_per_s: this.received / (this.last - this.first),
        cpu_pct: this.busyCpu,
        idle_cpu_pct: cpuPctSince(this.idleMark),
      });
      this.stop();
    }
  }
}

const sender = new Sender();
const receiver = new Receiver();
const link = crappy.link(sender, receiver, { whenFull: 'block' });

await crappy.start({ logLevel: 'warning' });

const s = readResult<{ cpu_pct: number }>('sender');
const r = readResult<{ recv_msgs_per_s: number; cpu_pct: number; idle_cpu_pct: number }>('receiver');
printResult('link_throughput', {
  recv_msgs_per_s: Math.round(r.recv_msgs_per_s),
  dropped: link.stats.dropped,
  cpu_pct_sender: round(s.cpu_pct),
  cpu_pct_receiver: round(r.cpu_pct),
  idle_cpu_pct_receiver: round(r.idle_cpu_pct),
});
