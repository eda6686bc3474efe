// Blocks shared by the scripts of test/io: a scripted command source and a collector that reports at its end.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

/** Prints one marker line `@@ {json}` synchronously, from any thread. */
export function mark(event: string, data: Record<string, unknown> = {}): void {
  writeSync(1, `@@ ${JSON.stringify({ event, main: crappy.isMainThread, ...data })}\n`);
}

/** Options of {@link Driver}. */
export interface DriverOptions {
  /** The message to send in this loop (or null), from the last value seen of each label received. */
  plan: (seen: crappy.Message) => crappy.Message | null;
  /** Whether the run can stop now, from the same view. */
  done: (seen: crappy.Message) => boolean;
}

/**
 * Drives a test by handshake rather than by time: each loop it looks at the
 * last value of every label it received, sends what `plan` says, and stops
 * the run once `done` holds. After 10 s without `done`, it marks `timeout`
 * and stops.
 */
export class Driver extends crappy.Block {
  private loops = 0;

  constructor(private readonly options: DriverOptions) {
    super();
    this.freq = 50;
  }

  override loop(): void {
    const seen = this.recvLastData(true);
    if (this.options.done(seen)) {
      this.stop();
      return;
    }
    this.send(this.options.plan(seen));
    this.loops += 1;
    if (this.loops >= 500) {
      mark('timeout', { seen });
      this.stop();
    }
  }
}

/** Keeps every message received, and prints them as a marker `collected` (with its tag) in finish(). */
export class Collector extends crappy.Block {
  private readonly messages: Record<string, unknown>[] = [];

  constructor(private readonly tag: string) {
    super();
    this.freq = 50;
  }

  override loop(): void {
    this.take();
  }

  override finish(): void {
    this.take();
    mark('collected', { tag: this.tag, messages: this.messages });
  }

  private take(): void {
    const data = this.recvAllData();
    const labels = Object.keys(data);
    const count = labels.length === 0 ? 0 : data[labels[0]!]!.length;
    for (let i = 0; i < count; i++) {
      const message: Record<string, unknown> = {};
      for (const label of labels) {
        const value = data[label]![i];
        message[label] = ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value;
      }
      this.messages.push(message);
    }
  }
}
