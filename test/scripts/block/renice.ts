// Renice: a Block reads its own thread's nice value in loop(), next to a
// Block left at niceness 0. Arguments: <niceness> <allowRoot 0|1>.
import * as crappy from 'crappy';
import { mark, threadNice } from './probe.js';

class Niced extends crappy.Block {
  constructor(niceness: number, private readonly tag: string) {
    super();
    this.niceness = niceness;
    this.freq = 50;
  }
  override loop(): void {
    mark('nice', { tag: this.tag, value: threadNice() });
    if (this.tag === 'niced') this.stop();
  }
}

const [niceness, allowRoot] = [Number(process.argv[2]), process.argv[3] === '1'];
new Niced(niceness, 'niced');
new Niced(0, 'default');
await crappy.start({ logLevel: 'debug', allowRoot });
mark('main-nice', { value: threadNice() });
