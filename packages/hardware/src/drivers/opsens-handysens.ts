import { InOut } from '@crappy/core';
import { checkOptions, numberOption } from '@crappy/core/options';
import { SerialConnection } from '../serial/serial-connection.js';
import { stringOption, toMs } from './driver-options.js';

/** What ends each answer of the HandySens: EOT then a line feed. */
const END = '\x04\n';

/** Options of {@link OpsensHandySens}. */
export interface OpsensHandySensOptions {
  /** Serial port (default `'/dev/ttyUSB0'`); 57600 baud, as the device uses. */
  device?: string;
  /** Seconds to wait for each answer before the reading fails (default 1). */
  timeout?: number;
}

/**
 * OpSens HandySens fiber-optic signal conditioner (temperature, pressure,
 * strain or position sensors), over serial at 57600 baud (the original's
 * crappy/inout/opsens_handysens.py, class HandySens). `getData()` returns
 * `[t, value]` of channel 1, in the unit the conditioner is set to.
 *
 * At open it sets the fastest rate (`meas:rate min`); each reading is
 * `ch1:data? 1`, answered by the value, one more character, then EOT and a
 * line feed (the original drops the last three characters).
 */
export class OpsensHandySens extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly device: string;
  private readonly timeoutMs: number;
  private port: SerialConnection | null = null;

  constructor(options: OpsensHandySensOptions = {}) {
    super();
    checkOptions(options, ['device', 'timeout'], 'OpsensHandySens');
    this.device = stringOption(options.device, '/dev/ttyUSB0', 'OpsensHandySens', 'device');
    this.timeoutMs = toMs(numberOption(options.timeout, 1, 'OpsensHandySens', 'timeout', { min: 0, exclusive: true }));
  }

  /** Opens the port and sets the fastest measurement rate. */
  override async open(): Promise<void> {
    this.port = await SerialConnection.open('OpsensHandySens', { path: this.device, baudRate: 57600 });
    await this.port.query('meas:rate min\n', END, this.timeoutMs);
  }

  /** One reading of channel 1: `[t, value]`. */
  override async getData(): Promise<[number, number]> {
    const answer = await this.port!.query('ch1:data? 1\n', END, this.timeoutMs);
    const text = answer.slice(0, -1);
    const value = Number(text);
    if (text.trim() === '' || Number.isNaN(value)) throw new Error(`OpsensHandySens on ${this.device}: ch1:data? answered ${JSON.stringify(answer)}, not a number`);
    return [this.clock.time(), value];
  }

  /** Closes the port. */
  override async close(): Promise<void> {
    await this.port?.close();
    this.port = null;
  }
}
