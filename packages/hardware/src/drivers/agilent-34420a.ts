import { InOut } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { SerialConnection } from '../serial/serial-connection.js';
import { choiceOption, stringOption, toMs } from './driver-options.js';

/** Options of {@link Agilent34420A}. */
export interface Agilent34420AOptions {
  /** What to measure: `'VOLT'` (V, default) or `'RES'` (Ω). */
  mode?: 'VOLT' | 'RES';
  /** Serial port (default `'/dev/ttyUSB0'`). */
  device?: string;
  /** Baud rate (default 9600). */
  baudrate?: number;
  /** Seconds to wait for each answer before the reading fails (default 1). */
  timeout?: number;
}

/**
 * Agilent 34420A micro-ohm meter / nanovoltmeter, over RS-232 with SCPI
 * commands (the original's crappy/inout/agilent_34420A.py). `getData()`
 * returns `[t, value]`, in V or Ω as `mode` says.
 *
 * At open it resets the meter (`*RST;*CLS;*OPC?`, waiting for the `1`),
 * selects the function (`SENS:FUNC "VOLT"`), 2 power line cycles of
 * integration (`SENS:VOLT:NPLC 2`) and remote mode (`SYST:REM`); each
 * reading is a `READ?`.
 */
export class Agilent34420A extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly mode: 'VOLT' | 'RES';
  private readonly device: string;
  private readonly baudrate: number;
  private readonly timeoutMs: number;
  private port: SerialConnection | null = null;

  constructor(options: Agilent34420AOptions = {}) {
    super();
    const owner = 'Agilent34420A';
    checkOptions(options, ['mode', 'device', 'baudrate', 'timeout'], owner);
    this.mode = choiceOption(options.mode, ['VOLT', 'RES'] as const, 'VOLT', owner, 'mode');
    this.device = stringOption(options.device, '/dev/ttyUSB0', owner, 'device');
    this.baudrate = numberOption(options.baudrate, 9600, owner, 'baudrate', { min: 1, integer: true });
    this.timeoutMs = toMs(numberOption(options.timeout, 1, owner, 'timeout', { min: 0, exclusive: true }));
  }

  /** Opens the port, resets the meter and sets it up. */
  override async open(): Promise<void> {
    this.port = await SerialConnection.open('Agilent34420A', { path: this.device, baudRate: this.baudrate });
    const ready = await this.port.query('*RST;*CLS;*OPC?\n', '\n', this.timeoutMs);
    if (ready.trim() !== '1') throw new Error(`Agilent34420A on ${this.device}: *OPC? answered ${JSON.stringify(ready)}, not 1`);
    await this.port.write(`SENS:FUNC "${this.mode}";  \n`);
    await this.port.write(`SENS:${this.mode}:NPLC 2  \n`);
    await this.port.write('SYST:REM\n');
  }

  /** One reading: `[t, value]`. */
  override async getData(): Promise<[number, number]> {
    const t = this.clock.time();
    const answer = await this.port!.query('READ?  \n', '\n', this.timeoutMs);
    const value = Number(answer.trim());
    if (answer.trim() === '' || Number.isNaN(value)) throw new Error(`Agilent34420A on ${this.device}: READ? answered ${JSON.stringify(answer)}, not a number`);
    return [t, value];
  }

  /** Closes the port. */
  override async close(): Promise<void> {
    await this.port?.close();
    this.port = null;
  }
}
