import { InOut } from '@crappy/core';
import { checkOptions, numberOption, show } from '@crappy/core/options';
import { SerialConnection } from '../serial/serial-connection.js';
import { stringOption, toMs } from './driver-options.js';

/** Seconds to wait for each answer, as the original does (9 s for the text mode). */
const ANSWER_MS = 2000;
const TEXT_MODE_MS = 9000;

/** Options of {@link Sim868}. */
export interface Sim868Options {
  /** Phone numbers to send each message to, e.g. `['0611223344']` (required). */
  numbers: string[];
  /** Serial port (default `'/dev/ttyUSB0'`). */
  port?: string;
  /** Baud rate, 1200 to 115200 (default 115200). */
  baudrate?: number;
  /** PIN code of the SIM card, when it needs one. */
  pinCode?: string | null;
  /** Seconds given to the modem to register with a network (default 10). */
  registrationTimeout?: number;
}

/**
 * SIMCom SIM868 GSM modem, to send text messages (SMS) during a test, e.g.
 * to warn the operator (the original's crappy/inout/sim868.py). Each command
 * received (`setCmd(...messages)`, usually built by a Modifier) is sent to
 * every number; empty messages are skipped. At open it checks the modem
 * (`AT`), the SIM (`AT+CPIN?`, entering the PIN when asked), the network
 * registration (`AT+CGREG?`, retried for `registrationTimeout`), and sets
 * the text mode (`AT+CMGF=1`). Any `ERROR` answer or silence fails with the
 * port named.
 */
export class Sim868 extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly numbers: string[];
  private readonly path: string;
  private readonly baudrate: number;
  private readonly pin: string | null;
  private readonly registrationMs: number;
  private port: SerialConnection | null = null;

  constructor(options: Sim868Options) {
    super();
    const owner = 'Sim868';
    checkOptions(options, ['numbers', 'port', 'baudrate', 'pinCode', 'registrationTimeout'], owner);
    if (!Array.isArray(options.numbers) || options.numbers.some((number) => typeof number !== 'string' || number === '')) {
      throw new TypeError(`${owner}: numbers must be an array of phone numbers (strings), got ${show(options.numbers)}`);
    }
    this.numbers = [...options.numbers];
    this.path = stringOption(options.port, '/dev/ttyUSB0', owner, 'port');
    this.baudrate = numberOption(options.baudrate, 115200, owner, 'baudrate', { min: 1200, max: 115200, integer: true });
    this.pin = options.pinCode === undefined || options.pinCode === null ? null : stringOption(options.pinCode, undefined, owner, 'pinCode');
    this.registrationMs = toMs(numberOption(options.registrationTimeout, 10, owner, 'registrationTimeout', { min: 0, exclusive: true }));
  }

  /** Opens the port and gets the modem ready to send text messages. */
  override async open(): Promise<void> {
    this.port = await SerialConnection.open('Sim868', { path: this.path, baudRate: this.baudrate });
    await this.command('AT', ANSWER_MS);
    let status = this.pinStatus(await this.command('AT+CPIN?', ANSWER_MS));
    if (status === 'SIM PIN') {
      if (this.pin === null) throw new Error(`Sim868 on ${this.path}: the SIM card needs a PIN code: give the pinCode option`);
      await this.command(`AT+CPIN=${this.pin}`, ANSWER_MS);
      status = this.pinStatus(await this.command('AT+CPIN?', ANSWER_MS));
      if (status !== 'READY') throw new Error(`Sim868 on ${this.path}: the SIM card is still not ready after the PIN code (${status})`);
    }
    await this.register();
    await this.command('AT+CMGF=1', TEXT_MODE_MS);
  }

  /** Sends each non-empty message to every number. */
  override async setCmd(...messages: unknown[]): Promise<void> {
    const port = this.port!;
    for (const message of messages.map(String)) {
      if (message === '') continue;
      for (const number of this.numbers) {
        port.discardInput();
        await port.write(`AT+CMGS="${number}"\r`);
        await port.readUntil('> ', ANSWER_MS).catch((error: Error) => {
          throw new Error(`Sim868 on ${this.path}: no prompt to send a message to ${number}: ${error.message}`);
        });
        await port.write(`${message}\x1a`);
        await this.waitOk(ANSWER_MS);
      }
    }
  }

  /** Closes the port. */
  override async close(): Promise<void> {
    await this.port?.close();
    this.port = null;
  }

  /** Waits until the modem is registered (home or roaming), or fails. */
  private async register(): Promise<void> {
    const deadline = performance.now() + this.registrationMs;
    for (;;) {
      const lines = await this.command('AT+CGREG?', Math.max(1, Math.min(ANSWER_MS, deadline - performance.now())));
      const state = lines.map((line) => /^\+CGREG:\s*\d,(\d)/.exec(line)?.[1]).find((found) => found !== undefined);
      if (state === '1' || state === '5') return;
      if (state === '0' || state === '3' || state === '4') {
        throw new Error(`Sim868 on ${this.path}: the modem is not registered with a network and is not searching for one (+CGREG state ${state})`);
      }
      if (performance.now() + this.registrationMs / 5 > deadline) {
        throw new Error(`Sim868 on ${this.path}: the modem did not register with a network within ${this.registrationMs / 1000} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, this.registrationMs / 5));
    }
  }

  private pinStatus(lines: string[]): string {
    const status = lines.map((line) => /^\+CPIN:\s(.+)$/.exec(line)?.[1]).find((found) => found !== undefined);
    if (status === 'READY' || status === 'SIM PIN') return status;
    throw new Error(`Sim868 on ${this.path}: the SIM card's status is ${status ?? 'unknown'}; it cannot be used`);
  }

  /** Sends `command` and returns the lines answered before `OK`. */
  private async command(command: string, timeoutMs: number): Promise<string[]> {
    this.port!.discardInput();
    await this.port!.write(`${command}\r`);
    return this.waitOk(timeoutMs, command);
  }

  /** Reads lines until `OK`; `ERROR` or silence fail. */
  private async waitOk(timeoutMs: number, command = 'the message'): Promise<string[]> {
    const lines: string[] = [];
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const line = (await this.port!.readUntil('\n', Math.max(1, deadline - performance.now()))).trim();
      if (line.includes('ERROR')) throw new Error(`Sim868 on ${this.path}: the modem answered ERROR to ${command}`);
      if (line === 'OK') return lines;
      if (line !== '') lines.push(line);
    }
  }
}
