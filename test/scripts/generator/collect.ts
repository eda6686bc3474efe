// Shared by the scripts of test/scripts/generator: Blocks that count and collect.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

/** Prints one line `RESULT <name> {json}` straight to stdout, from any thread. */
export function result(name: string, data: unknown): void {
  writeSync(1, `RESULT ${name} ${JSON.stringify(data)}\n`);
}

/** Keeps every message it receives, and prints them all from finish(). */
export class Collect extends crappy.Block {
  readonly got: Record<string, unknown[]> = {};

  constructor(private readonly tag: string, freq: number | null = 100) {
    super();
    this.freq = freq;
    this.pausable = false;
  }

  override loop(): void {
    this.keep(this.recvAllData());
  }

  override finish(): void {
    this.keep(this.recvAllData());
    result(this.tag, this.got);
  }

  private keep(data: crappy.DataLists): void {
    for (const [label, values] of Object.entries(data)) (this.got[label] ??= []).push(...values);
  }
}

/**
 * Sends `{t(s), n}` with an increasing n at each loop, and prints its last n
 * from finish(). With `waitFor`, it starts counting only once it received
 * that label (from a Link of its own), so that the receiver is surely running.
 */
export class Count extends crappy.Block {
  n = 0;
  private waiting: boolean;

  constructor(freq: number, pausable = true, private readonly waitFor: string | null = null) {
    super();
    this.freq = freq;
    this.pausable = pausable;
    this.labels = ['t(s)', 'n'];
    this.waiting = waitFor !== null;
  }

  override loop(): void {
    if (this.waitFor !== null) {
      const got = this.recvAllData()[this.waitFor];
      if (this.waiting && (got === undefined || got.length === 0)) return;
      this.waiting = false;
    }
    this.n += 1;
    this.send([this.clock.time() - this.t0, this.n]);
  }

  override finish(): void {
    result('count', this.n);
  }
}
