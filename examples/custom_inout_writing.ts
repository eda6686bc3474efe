/**
 * Writing your own InOut that sets outputs over serial: `SerialValve`
 * drives a pneumatic valve and its pressure regulator through a controller
 * on a serial port. Its `setCmd()` receives the values of the IOBlock's
 * `cmdLabels`, in their order (the valve's state and the pressure), sends
 * `SET <0|1> <bar>` and prints the controller's acknowledgment. The port is
 * opened in the main thread's hardware hub through
 * `crappy.hardware.SerialConnection`. The IOBlock sets `initialCmd` before
 * the test, `exitCmd` after it, and in between only the commands that
 * changed (give `spam: true` to set every command received).
 *
 * There is no controller here: `start()` points the hub's serial service at
 * a simulated one on '/dev/ttyVALVE0' (`hardware.serial.simulate`).
 * `Sequencer` opens and closes the valve every 0.5 s, raising the pressure
 * each second, and ends the run after 3 s.
 *
 * Run it with `npx tsx examples/custom_inout_writing.ts`.
 */
import * as crappy from 'crappy';

/** Sends each command to the valve controller and prints what it acknowledged. */
class SerialValve extends crappy.inout.InOut {
  private connection: crappy.hardware.SerialConnection | null = null;

  constructor(private readonly options: { port: string }) {
    super();
  }

  override async open(): Promise<void> {
    this.connection = await crappy.hardware.SerialConnection.open('SerialValve', { path: this.options.port, baudRate: 9600 });
    console.log('Valve: connected');
  }

  override async setCmd(open: unknown, pressure: unknown): Promise<void> {
    const answer = await this.connection!.query(`SET ${open ? 1 : 0} ${Number(pressure).toFixed(1)}\n`, '\n', 1000);
    console.log(`Valve: ${answer}`);
  }

  override async close(): Promise<void> {
    await this.connection?.close();
    console.log('Valve: disconnected');
  }
}

/** The simulated controller: acknowledges `SET <0|1> <bar>` with the state it set. */
class ValveController extends crappy.hardware.LineDeviceModel {
  constructor() {
    super('\n');
  }

  protected answer(line: string): string | null {
    const set = /^SET ([01]) (\d+\.\d)$/.exec(line);
    return set === null ? 'ERROR\n' : `${set[1] === '1' ? 'open' : 'closed'}, ${set[2]} bar\n`;
  }
}

/** Sends the valve's state and pressure 20 times per second; ends the run after 3 s. */
class Sequencer extends crappy.Block {
  constructor() {
    super();
    this.freq = 20;
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send({ 't(s)': t, open: Math.floor(t / 0.5) % 2 === 1, 'p(bar)': 1 + Math.floor(t) });
    if (t > 3) this.stop();
  }
}

const valve = new crappy.blocks.IOBlock(SerialValve, {
  port: '/dev/ttyVALVE0',
  cmdLabels: ['open', 'p(bar)'],
  initialCmd: [false, 0],
  exitCmd: [false, 0],
  freq: 50,
});
crappy.link(new Sequencer(), valve);

await crappy.start({ logLevel: 'warning', hardware: { serial: { simulate: { '/dev/ttyVALVE0': new ValveController() } } } });
