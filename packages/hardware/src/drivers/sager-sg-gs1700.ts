import { InOut } from '@crappy/core';
import { checkOptions, numberOption, show } from '@crappy/core/options';
import { SerialConnection } from '../serial/serial-connection.js';
import { AIBUS_ANSWER_LENGTH, AIBUS_READ, AIBUS_WRITE, aibusRequest, parseAibusAnswer } from './aibus.js';
import { stringOption, toMs } from './driver-options.js';

/** The program parameter: 5 holds the furnace at its set value. */
const PARAM_PROGRAM = 0x15;
/** The set value parameter. */
const PARAM_SV = 0x1a;
/** The run mode parameter: 10 stops the program. */
const PARAM_STOP_MODE = 12;

/** Options of {@link SagerSG_GS1700}. */
export interface SagerSG_GS1700Options {
  /** Serial port (required), e.g. `'/dev/ttyUSB0'`. */
  port: string;
  /** Baud rate (default 9600). */
  baudrate?: number;
  /** Seconds to wait for each answer (default 0.8). */
  timeout?: number;
  /** AIBUS address of the controller (default 0x0A). */
  address?: number;
}

/**
 * Sager SG-GS1700 furnace controller over AIBUS (the original's
 * crappy/inout/sager_sg_gs1700.py). `getData()` returns `[t, PV, SV]` in °C
 * (the raw tenths divided by 10); `setCmd(T)` sets the set value to `T` °C
 * (in hold mode); open puts the furnace in hold mode, close stops its
 * program. Unlike the original, each answer's checksum is checked: a
 * corrupted answer fails the reading, naming the port.
 */
export class SagerSG_GS1700 extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly path: string;
  private readonly baudrate: number;
  private readonly timeoutMs: number;
  private readonly address: number;
  private port: SerialConnection | null = null;

  constructor(options: SagerSG_GS1700Options) {
    super();
    const owner = 'SagerSG_GS1700';
    checkOptions(options, ['port', 'baudrate', 'timeout', 'address'], owner);
    this.path = stringOption(options?.port, undefined, owner, 'port');
    this.baudrate = numberOption(options.baudrate, 9600, owner, 'baudrate', { min: 1, integer: true });
    this.timeoutMs = toMs(numberOption(options.timeout, 0.8, owner, 'timeout', { min: 0, exclusive: true }));
    this.address = numberOption(options.address, 0x0a, owner, 'address', { min: 0, max: 0xff, integer: true });
  }

  /** Opens the port and puts the furnace in hold mode. */
  override async open(): Promise<void> {
    this.port = await SerialConnection.open('SagerSG_GS1700', { path: this.path, baudRate: this.baudrate, dataBits: 8, parity: 'none', stopBits: 1 });
    await this.exchange(AIBUS_WRITE, PARAM_PROGRAM, 5);
  }

  /** `[t, PV, SV]`, in °C. */
  override async getData(): Promise<[number, number, number]> {
    const t = this.clock.time();
    const answer = await this.exchange(AIBUS_READ, 0x00, 0);
    return [t, answer.pv / 10, answer.sv / 10];
  }

  /** Sets the set value, in °C. */
  override async setCmd(value: unknown): Promise<void> {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`SagerSG_GS1700: the command must be a temperature in °C, got ${show(value)}`);
    await this.exchange(AIBUS_WRITE, PARAM_PROGRAM, 5);
    await this.exchange(AIBUS_WRITE, PARAM_SV, Math.round(value * 10) & 0xffff);
  }

  /** Stops the furnace's program, then closes the port. */
  override async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port === null) return;
    try {
      await this.exchangeOn(port, AIBUS_WRITE, PARAM_STOP_MODE, 10);
    } finally {
      await port.close();
    }
  }

  private exchange(command: number, param: number, value: number): ReturnType<SagerSG_GS1700['exchangeOn']> {
    return this.exchangeOn(this.port!, command, param, value);
  }

  private async exchangeOn(port: SerialConnection, command: number, param: number, value: number) {
    port.discardInput();
    await port.write(aibusRequest(this.address, command, param, value));
    const bytes = await port.readBytes(AIBUS_ANSWER_LENGTH, this.timeoutMs);
    const answer = parseAibusAnswer(bytes, this.address);
    if (answer === null) {
      throw new Error(`SagerSG_GS1700 on ${this.path}: corrupted answer (bad checksum) from address ${this.address}: ${Buffer.from(bytes).toString('hex')}`);
    }
    return answer;
  }
}
