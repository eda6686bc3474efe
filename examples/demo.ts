/**
 * The demo run by `npm run demo`: a simulated cyclic tensile test.
 *
 * Two Blocks, each in its own worker thread, joined by one Link:
 * - `CyclicTest` plays a tensile machine: 100 times per second it computes a
 *   triangle-wave strain (0 to 0.5 %, 1 s per cycle) and the force an
 *   elastic steel specimen would answer with, sends both with the time, and
 *   stops the whole run after 3 s;
 * - `Summary` reads everything it receives 10 times per second, prints a
 *   progress line every quarter of a second, and a summary at the end.
 *
 * After the run, the main thread reads the Link's counters to show that no
 * message was lost. Run it with `npm run demo` or `npx tsx examples/demo.ts`.
 */
import * as crappy from 'crappy';

/** How long the test lasts (s). */
const DURATION = 3;
/** Peak strain of each cycle (%). */
const PEAK_STRAIN = 0.5;
/** Duration of one load-unload cycle (s). */
const CYCLE = 1;
/** Stiffness of the specimen: Young's modulus (210 GPa) × section (10 mm²), in N per unit strain. */
const STIFFNESS = 210e3 * 10;
/** Time between two progress lines (s). */
const PRINT_PERIOD = 0.25;

/** The strain (%) of a triangle wave going from 0 to `PEAK_STRAIN` and back once per `CYCLE`. */
function triangle(t: number): number {
  const phase = (t / CYCLE) % 1;
  return PEAK_STRAIN * (phase < 0.5 ? 2 * phase : 2 - 2 * phase);
}

/** A fake tensile machine: sends `t(s)`, `Exx(%)` and `F(N)` at 100 Hz, and ends the run after `DURATION`. */
class CyclicTest extends crappy.Block {
  constructor() {
    super();
    this.freq = 100;
    this.labels = ['t(s)', 'Exx(%)', 'F(N)'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    const strain = triangle(t);
    this.send([t, strain, (STIFFNESS * strain) / 100]);
    if (t >= DURATION) this.stop();
  }
}

/** Prints the test's progress every `PRINT_PERIOD`, then what it received in total. */
class Summary extends crappy.Block {
  private received = 0;
  private maxForce = -Infinity;
  private firstT: number | null = null;
  private lastT = 0;
  private nextPrint = 0;

  constructor() {
    super();
    this.freq = 10;
  }

  override loop(): void {
    this.take();
  }

  override finish(): void {
    // The last messages may have arrived after the last loop: read them too.
    this.take();
    const rate = this.received > 1 ? (this.received - 1) / (this.lastT - (this.firstT ?? 0)) : 0;
    console.log(
      `Summary: ${this.received} messages received over ${this.lastT.toFixed(2)} s ` +
        `(${rate.toFixed(1)} per second), max force ${(this.maxForce / 1000).toFixed(2)} kN`,
    );
  }

  /** Reads every waiting message, updates the totals and prints progress. */
  private take(): void {
    const data = this.recvAllData();
    const times = (data['t(s)'] ?? []) as number[];
    const strains = (data['Exx(%)'] ?? []) as number[];
    const forces = (data['F(N)'] ?? []) as number[];
    if (times.length === 0) return;
    this.firstT ??= times[0]!;
    this.received += times.length;
    for (const force of forces) this.maxForce = Math.max(this.maxForce, force);
    this.lastT = times[times.length - 1]!;
    for (let i = 0; i < times.length; i++) {
      if (times[i]! < this.nextPrint) continue;
      const bar = '#'.repeat(Math.round((strains[i]! / PEAK_STRAIN) * 20)).padEnd(20);
      console.log(
        `t = ${times[i]!.toFixed(2).padStart(5)} s  Exx = ${strains[i]!.toFixed(3)} %  ` +
          `F = ${(forces[i]! / 1000).toFixed(2).padStart(5)} kN  |${bar}|`,
      );
      this.nextPrint += PRINT_PERIOD;
    }
  }
}

// This file runs again in each Block's worker thread: print only from the main thread.
if (crappy.isMainThread) {
  console.log(`Crappy demo: a ${DURATION} s cyclic tensile test, one Block per worker thread.`);
}

const test = new CyclicTest();
const summary = new Summary();
const link = crappy.link(test, summary);

await crappy.start({ logLevel: 'warning' });

// Only the main thread gets here, once every Block has finished.
const { sent, received, dropped } = link.stats;
console.log(`Link ${link.name}: ${sent} messages sent, ${received} received, ${dropped} dropped.`);
console.log('Demo over. See README.md to write your own Blocks.');
