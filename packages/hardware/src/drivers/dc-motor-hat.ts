import { Actuator } from '@crappy/core';
import { checkOptions, numberOption, show } from '@crappy/core/options';
import { I2cBusProxy } from '../i2c/i2c-bus-proxy.js';
import { choiceOption } from './driver-options.js';

/** PCA9685 registers of each motor's enable, forward and backward channels (LEDn_ON_L). */
export const DC_MOTOR_HAT_CHANNELS: Readonly<Record<number, { ctrl: number; pos: number; neg: number }>> = {
  1: { ctrl: 0x26, pos: 0x2a, neg: 0x2e },
  2: { ctrl: 0x3a, pos: 0x32, neg: 0x36 },
  3: { ctrl: 0x0e, pos: 0x12, neg: 0x16 },
  4: { ctrl: 0x22, pos: 0x1a, neg: 0x1e },
};
/** A channel fully on (ON_H bit 4). */
export const FULL_ON = [0x00, 0x10, 0x00, 0x00] as const;
/** A channel off. */
export const OFF = [0x00, 0x00, 0x00, 0x00] as const;
/** The voltage that drives a motor at full speed. */
const MAX_VOLTS = 12;

/** Options of {@link DCMotorHat}. */
export interface DCMotorHatOptions {
  /** Only `'Pi4'` (I2C through the hub). */
  backend?: 'Pi4';
  /** I2C address of the HAT's PCA9685 (default 0x60). */
  deviceAddress?: number;
  /** I2C bus number (default 1). */
  i2cPort?: number;
}

/**
 * Adafruit DC & Stepper Motor HAT (PCA9685 PWM driver and TB6612 bridges),
 * driving up to 4 DC motors (the original's
 * crappy/actuator/adafruit_dc_motor_hat.py, backend `'Pi4'`). Its speed
 * command is a pair `[motor, volts]` (motor 1 to 4, −12 to 12 V, clamped):
 * the PWM duty is `(floor(0xFFFF × |V|/12) + 1) >> 4` of 4096 on the
 * forward or backward channel, fully on at 12 V, both channels on (brake)
 * at 0 V. At open it sets the PWM frequency to 1600 Hz (prescale 4) and
 * enables the 4 motors; `stop()` brakes them all.
 */
export class DCMotorHat extends Actuator {
  static {
    Actuator.classes.register(this);
  }

  private readonly address: number;
  private readonly busNumber: number;
  private bus: I2cBusProxy | null = null;

  constructor(options: DCMotorHatOptions = {}) {
    super();
    const owner = 'DCMotorHat';
    checkOptions(options, ['backend', 'deviceAddress', 'i2cPort'], owner);
    choiceOption(options.backend, ['Pi4'] as const, 'Pi4', owner, 'backend');
    this.address = numberOption(options.deviceAddress, 0x60, owner, 'deviceAddress', { min: 0, max: 0x7f, integer: true });
    this.busNumber = numberOption(options.i2cPort, 1, owner, 'i2cPort', { min: 0, integer: true });
  }

  /** Sets up the PCA9685 at 1600 Hz and enables the 4 motors. */
  override async open(): Promise<void> {
    this.bus = await I2cBusProxy.open(this.busNumber);
    const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));
    await this.write(0x00, [0x00]);
    await pause();
    await this.write(0x00, [0x10]);
    await this.write(0xfe, [Math.floor(25e6 / 4096 / 1600 + 0.5)]);
    await pause();
    await this.write(0x00, [0x00]);
    await pause();
    await this.write(0x00, [0xa0]);
    for (const motor of [1, 2, 3, 4]) await this.write(DC_MOTOR_HAT_CHANNELS[motor]!.ctrl, FULL_ON);
  }

  /**
   * Drives one motor.
   * @param cmd `[motor, volts]`
   * @throws TypeError for anything else, RangeError for a motor not in 1–4
   */
  override async setSpeed(cmd: unknown): Promise<void> {
    if (!Array.isArray(cmd) || cmd.length !== 2 || typeof cmd[0] !== 'number' || typeof cmd[1] !== 'number') {
      throw new TypeError(`DCMotorHat: the command must be [motor, volts], e.g. [1, 6], got ${show(cmd)} (a Modifier can build it from a Generator's value)`);
    }
    const [motor, volts] = cmd as [number, number];
    if (!Number.isInteger(motor) || motor < 1 || motor > 4) throw new RangeError(`DCMotorHat: the motor must be 1, 2, 3 or 4, got ${show(motor)}`);
    await this.setMotor(motor, Math.sign(volts) * Math.min(Math.abs(volts) / MAX_VOLTS, 1));
  }

  /** Brakes the 4 motors. */
  override async stop(): Promise<void> {
    if (this.bus === null) return;
    for (const motor of [1, 2, 3, 4]) await this.setMotor(motor, 0);
  }

  /** Releases the bus. */
  override async close(): Promise<void> {
    await this.bus?.close();
    this.bus = null;
  }

  private async setMotor(motor: number, throttle: number): Promise<void> {
    const { pos, neg } = DC_MOTOR_HAT_CHANNELS[motor]!;
    const duty = (Math.floor(0xffff * Math.abs(throttle)) + 1) >> 4;
    const pwm = [0x00, 0x00, duty & 0xff, duty >> 8];
    if (throttle === 0) {
      await this.write(pos, FULL_ON);
      await this.write(neg, FULL_ON);
    } else if (throttle === 1 || throttle === -1) {
      await this.write(pos, throttle > 0 ? FULL_ON : OFF);
      await this.write(neg, throttle > 0 ? OFF : FULL_ON);
    } else {
      await this.write(pos, throttle > 0 ? pwm : OFF);
      await this.write(neg, throttle > 0 ? OFF : pwm);
    }
  }

  private async write(register: number, bytes: readonly number[]): Promise<void> {
    await this.bus!.writeI2cBlock(this.address, register, bytes.length, Buffer.from(bytes));
  }
}
