/**
 * Writing your own InOut that reads a serial instrument: `SerialVoltmeter`
 * asks a voltmeter for a reading (`MEAS?`) and parses its answer. It talks
 * through `crappy.hardware.SerialConnection`, which opens the port in the
 * main thread's hardware hub (serialport cannot run in a Block's thread)
 * and reads answers with a timeout. It returns its readings as objects, so
 * the IOBlock needs no `labels`, and takes its port as an option, which the
 * IOBlock passes to its constructor.
 *
 * There is no voltmeter here: `start()` points the hub's serial service at a
 * simulated one (`hardware.serial.simulate`) that answers on '/dev/ttyVOLT0':
 * its 3 V offset alone for 1.5 s from its first reading, then a sine wave of
 * 2 V and 1 Hz around it. To use a real instrument, remove the `hardware`
 * option and give its port. The IOBlock zeroes the readings over their
 * first second (`makeZeroDelay`), which removes the offset, so the values
 * sent swing around 0. `Printer` prints them and ends the run after 3 s.
 *
 * Run it with `npx tsx examples/custom_inout_reading.ts`.
 */
import * as crappy from 'crappy';

/** Options of {@link SerialVoltmeter}. */
interface SerialVoltmeterOptions {
  /** The serial port of the voltmeter. */
  port: string;
  /** Baud rate (default 9600). */
  baudRate?: number;
}

/** A voltmeter that answers `MEAS?\n` with its reading in volts and a line feed. */
class SerialVoltmeter extends crappy.inout.InOut {
  private connection: crappy.hardware.SerialConnection | null = null;

  constructor(private readonly options: SerialVoltmeterOptions) {
    // The constructor runs in every thread: it only checks and stores options.
    super();
    if (typeof options?.port !== 'string') throw new TypeError('SerialVoltmeter: port must be a string');
  }

  /** Opens the port (in the hub); runs in the IOBlock's thread. */
  override async open(): Promise<void> {
    this.connection = await crappy.hardware.SerialConnection.open('SerialVoltmeter', {
      path: this.options.port,
      baudRate: this.options.baudRate ?? 9600,
    });
  }

  /** One reading: the answer to `MEAS?`, within 1 s or an error naming the port. */
  override async getData(): Promise<crappy.inout.InOutData> {
    const answer = await this.connection!.query('MEAS?\n', '\n', 1000);
    return { 't(s)': this.clock.time(), 'U(V)': Number(answer) };
  }

  override async close(): Promise<void> {
    await this.connection?.close();
  }
}

/** The simulated voltmeter: 3 V, plus 2 V × sin(2π × 1 Hz × t) from 1.5 s after its first `MEAS?`. */
class SineVoltmeter extends crappy.hardware.LineDeviceModel {
  private first: number | null = null;

  constructor() {
    super('\n');
  }

  protected answer(line: string): string | null {
    if (line !== 'MEAS?') return null;
    this.first ??= performance.now();
    const t = (performance.now() - this.first) / 1000 - 1.5;
    return `${(3 + (t > 0 ? 2 * Math.sin(2 * Math.PI * t) : 0)).toFixed(6)}\n`;
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

const sensor = new crappy.blocks.IOBlock(SerialVoltmeter, { port: '/dev/ttyVOLT0', makeZeroDelay: 1, freq: 50 });
crappy.link(sensor, new Printer());

await crappy.start({ logLevel: 'warning', hardware: { serial: { simulate: { '/dev/ttyVOLT0': new SineVoltmeter() } } } });
