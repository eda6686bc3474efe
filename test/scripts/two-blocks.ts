// Smoke run: a counter stops itself after 5 loops; a receiver prints what it got.
import * as crappy from 'crappy';

class Count extends crappy.Block {
  n = 0;
  constructor() {
    super();
    this.freq = 100;
  }
  override loop(): void {
    this.n += 1;
    this.send({ n: this.n });
    if (this.n === 5) this.stop();
  }
}

class Collect extends crappy.Block {
  seen: number[] = [];
  override loop(): void {
    this.seen.push(...((this.recvAllData().n ?? []) as number[]));
  }
  override finish(): void {
    this.seen.push(...((this.recvAllData().n ?? []) as number[]));
    console.log(`RECEIVED ${JSON.stringify(this.seen)}`);
  }
}

crappy.link(new Count(), new Collect());
await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('MAIN DONE');
