/**
 * Writing your own InOut that reads: `Oscillator` stands for a sensor read
 * over an asynchronous API. It returns its readings as objects, so the
 * IOBlock needs no `labels`, and takes two options of its own, `amplitude`
 * and `frequency`, which the IOBlock passes to its constructor. The IOBlock
 * zeroes it before the test (`makeZeroDelay`), over 1 s: one period of the
 * sine, whose mean is the sensor's constant offset of 3 V, so the readings
 * it sends swing around 0. `Printer` prints what it receives and ends the
 * run after 3 s.
 *
 * Run it with `npx tsx examples/custom_inout_reading.ts`.
 */
import * as crappy from 'crappy';

/** Options of {@link Oscillator}. */
interface OscillatorOptions {
  /** Peak value of the signal (V, default 1). */
  amplitude?: number;
  /** Frequency of the signal (Hz, default 1). */
  frequency?: number;
}

/** A simulated sensor: a sine wave plus a constant offset of 3 V, read asynchronously. */
class Oscillator extends crappy.inout.InOut {
  private readonly amplitude: number;
  private readonly frequency: number;
  private start = 0;

  constructor(options: OscillatorOptions = {}) {
    // The constructor runs in every thread: it only checks and stores options.
    super();
    this.amplitude = options.amplitude ?? 1;
    this.frequency = options.frequency ?? 1;
    if (!(this.frequency > 0)) throw new RangeError(`Oscillator: frequency must be > 0, got ${this.frequency}`);
  }

  /** Connecting to the device would happen here; it runs in the IOBlock's thread. */
  override open(): void {
    this.start = this.clock.time();
  }

  /** One reading, as a real driver would return it: asynchronously. */
  override async getData(): Promise<crappy.inout.InOutData> {
    await new Promise((resolve) => setImmediate(resolve));
    const t = this.clock.time();
    const phase = 2 * Math.PI * this.frequency * (t - this.start);
    return { 't(s)': t, 'U(V)': 3 + this.amplitude * Math.sin(phase) };
  }
}

/** Prints the readings 5 times per second; ends the run after 3 s. */
class Printer extends crappy.Block {
  constructor() {
    super();
    this.freq = 5;
  }

  override loop(): void {
    const data = this.recvAllData();
    const values = (data['U(V)'] ?? []) as number[];
    if (values.length > 0) {
      const t = (data['t(s)'] as number[]).at(-1)!;
      console.log(`t = ${t.toFixed(2)} s: ${values.length} readings, last ${values.at(-1)!.toFixed(3)} V`);
    }
    if (this.clock.time() - this.t0 > 3) this.stop();
  }
}

const sensor = new crappy.blocks.IOBlock(Oscillator, { amplitude: 2, frequency: 1, makeZeroDelay: 1, freq: 50 });
crappy.link(sensor, new Printer());

await crappy.start({ logLevel: 'warning' });
