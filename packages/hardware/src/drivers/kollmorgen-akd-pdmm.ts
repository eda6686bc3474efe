import { InOut } from '@crappy/core';
import { checkOptions, numberOption, show } from '@crappy/core/options';
import { ModbusClientProxy } from '../modbus/modbus-client-proxy.js';
import { choiceOption, stringOption, toMs } from './driver-options.js';
import { floatToRegisters, registersToFloat } from './flow-controller-alicat.js';

/** Per axis (register = 10 × axis + offset): coils, holding registers and input registers the original uses. */
export const AKD_COILS = { power: 0, moveAbs: 1, moveRel: 2, moveVel: 3, stop: 4, ackError: 5 } as const;
export const AKD_REGISTERS = { position: 0, distance: 2, velocity: 4, acc: 5, dec: 6, fstdec: 7, direction: 8 } as const;
export const AKD_INPUTS = { actSpeed: 0, actPosition: 2, axisState: 4 } as const;

/** Options of {@link KollmorgenAKDPDMM}. */
export interface KollmorgenAKDPDMMOptions {
  /** The axes to drive, by number (required). */
  axes: number[];
  /** `'position'` (default) or `'speed'`. */
  mode?: 'position' | 'speed';
  /** The PDMM's address (default '192.168.0.109'). */
  host?: string;
  /** Its Modbus TCP port (default 502). */
  port?: number;
  /** Seconds to wait for the connection and each answer (default 1). */
  timeout?: number;
}

/**
 * Kollmorgen AKD PDMM servo drive controller over Modbus TCP (the
 * original's crappy/inout/kollmorgen_akd_pdmm.py), through modbus-serial
 * in the hub. For each axis, `getData()` returns its actual speed or
 * position (input registers 10·axis + 0 or + 2, a float32 in two registers,
 * high word first): `[t, v1, v2…]`. `setCmd(v1, v2…)`: in speed mode writes
 * |v| to the velocity register (as an integer) and the direction (0 forward,
 * 1 backward); in position mode writes v as a float32 to the position
 * registers and sets the absolute move coil.
 */
export class KollmorgenAKDPDMM extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly axes: number[];
  private readonly mode: 'position' | 'speed';
  private readonly host: string;
  private readonly port: number;
  private readonly timeoutMs: number;
  private modbus: ModbusClientProxy | null = null;

  constructor(options: KollmorgenAKDPDMMOptions) {
    super();
    const owner = 'KollmorgenAKDPDMM';
    checkOptions(options, ['axes', 'mode', 'host', 'port', 'timeout'], owner);
    if (!Array.isArray(options?.axes) || options.axes.length === 0 || options.axes.some((axis) => !Number.isInteger(axis) || axis < 0)) {
      throw new TypeError(`${owner}: axes must be a non-empty array of axis numbers, got ${show(options?.axes)}`);
    }
    this.axes = [...options.axes];
    this.mode = choiceOption(options.mode, ['position', 'speed'] as const, 'position', owner, 'mode');
    this.host = stringOption(options.host, '192.168.0.109', owner, 'host');
    this.port = numberOption(options.port, 502, owner, 'port', { min: 1, max: 65535, integer: true });
    this.timeoutMs = toMs(numberOption(options.timeout, 1, owner, 'timeout', { min: 0, exclusive: true }));
  }

  /** Connects to the controller. */
  override async open(): Promise<void> {
    this.modbus = await ModbusClientProxy.openTcp({ host: this.host, port: this.port, timeoutMs: this.timeoutMs }).catch((error: Error) => {
      throw new Error(`KollmorgenAKDPDMM: ${error.message}`);
    });
  }

  /** `[t, speed or position of each axis]`. */
  override async getData(): Promise<number[]> {
    const data = [this.clock.time()];
    for (const axis of this.axes) {
      const register = 10 * axis + (this.mode === 'speed' ? AKD_INPUTS.actSpeed : AKD_INPUTS.actPosition);
      const [high, low] = await this.modbus!.readInputRegisters(1, register, 2);
      data.push(registersToFloat(high!, low!));
    }
    return data;
  }

  /** One command per axis, in the order of `axes`. */
  override async setCmd(...cmd: unknown[]): Promise<void> {
    for (const [i, axis] of this.axes.entries()) {
      if (i >= cmd.length) break;
      const value = cmd[i];
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`KollmorgenAKDPDMM: the command of axis ${axis} must be a number, got ${show(value)}`);
      if (this.mode === 'speed') {
        await this.modbus!.writeRegister(1, 10 * axis + AKD_REGISTERS.velocity, Math.trunc(Math.abs(value)) & 0xffff);
        await this.modbus!.writeRegister(1, 10 * axis + AKD_REGISTERS.direction, value > 0 ? 0 : 1);
      } else {
        await this.modbus!.writeRegisters(1, 10 * axis + AKD_REGISTERS.position, floatToRegisters(value));
        await this.modbus!.writeCoil(1, 10 * axis + AKD_COILS.moveAbs, true);
      }
    }
  }

  /** Closes the connection. */
  override async close(): Promise<void> {
    await this.modbus?.close();
    this.modbus = null;
  }
}
