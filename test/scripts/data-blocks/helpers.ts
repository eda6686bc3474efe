// Blocks shared by the data-Block scripts: a source of synthetic messages
// and a collector that stops the run once it has what it waits for and
// prints it as one '@@ {json}' marker line.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

/**
 * Sends make(0), make(1)... one per loop, `count` messages. Then, with
 * `stopWhenRead`, stops the run once its receivers took every message;
 * else it idles (stopping the run after 20 s at most).
 */
export class Series extends crappy.Block {
  private i = 0;
  constructor(
    private readonly make: (i: number) => crappy.Message,
    private readonly count: number,
    freq: number,
    private readonly stopWhenRead = false,
  ) {
    super();
    this.freq = freq;
  }
  override loop(): void {
    if (this.i < this.count) this.send(this.make(this.i));
    this.i += 1;
    const read = this.i > this.count && this.outputs.every((output) => output.pending === 0);
    if ((this.stopWhenRead && read) || this.i > 20 * (this.freq ?? 100)) this.stop();
  }
}

/** Keeps each message received; stops the run once it has `expected` of them, and prints them at the end. */
export class Collector extends crappy.Block {
  private readonly messages: crappy.Message[] = [];
  constructor(private readonly expected = Infinity) {
    super();
    this.freq = 200;
  }
  override loop(): void {
    while (this.messages.length < this.expected && this.dataAvailable()) this.messages.push(this.recvData());
    if (this.messages.length >= this.expected) this.stop();
  }
  override finish(): void {
    writeSync(1, `@@ ${JSON.stringify({ event: 'messages', messages: this.messages })}\n`);
  }
}
