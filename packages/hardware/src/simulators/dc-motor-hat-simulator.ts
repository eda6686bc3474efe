import { DC_MOTOR_HAT_CHANNELS } from '../drivers/dc-motor-hat.js';
import { RegisterDeviceModel } from '../i2c/i2c-device-model.js';

/**
 * A simulated Adafruit DC Motor HAT for {@link DCMotorHat}: a PCA9685's
 * registers, read back as each motor's state: its throttle (−1 to 1, from
 * the duty of its forward and backward channels), whether it brakes (both
 * fully on) and whether it is enabled.
 */
export class DCMotorHatSimulator extends RegisterDeviceModel {
  constructor(address = 0x60) {
    super(address);
  }

  /** The PWM prescale written (4 for 1600 Hz). */
  get prescale(): number {
    return this.registers[0xfe]!;
  }

  /** The state of motor 1 to 4. */
  motor(motor: number): { enabled: boolean; braking: boolean; throttle: number } {
    const { ctrl, pos, neg } = DC_MOTOR_HAT_CHANNELS[motor]!;
    const fullOn = (register: number): boolean => (this.registers[register + 1]! & 0x10) !== 0;
    const duty = (register: number): number => (fullOn(register) ? 1 : (this.registers[register + 2]! | (this.registers[register + 3]! << 8)) / 4096);
    return { enabled: fullOn(ctrl), braking: fullOn(pos) && fullOn(neg), throttle: fullOn(pos) && fullOn(neg) ? 0 : duty(pos) - duty(neg) };
  }
}
