import { LogLevel } from '../logging/levels.js';
import { checkOptions, numberOption, show } from '../options/index.js';
import { Actuator } from './actuator.js';

/** Options of {@link FakeStepperMotor}. */
export interface FakeStepperMotorOptions {
  /** Full steps per mm of travel (> 0; default 100). */
  stepsPerMm?: number;
  /** Microsteps per full step (positive integer; default 256). */
  microsteps?: number;
  /** Largest acceleration and deceleration (mm/s², > 0; default 20). */
  acceleration?: number;
  /** Largest speed (mm/s, > 0; default 10). */
  maxSpeed?: number;
}

const OPTIONS = ['stepsPerMm', 'microsteps', 'acceleration', 'maxSpeed'];

/** Longest integration step (s). */
const STEP = 1e-3;

/**
 * A simulated stepper motor moving a linear axis, driven in speed or in
 * position, for trying scripts without hardware. Positions are in mm and
 * speeds in mm/s; the position it reports is a whole number of microsteps
 * (its resolution is `1 / (stepsPerMm × microsteps)` mm).
 *
 * - `setSpeed(v)` reaches the speed `v` (limited to `maxSpeed`) at the
 *   largest acceleration, then keeps it;
 * - `setPosition(x, speed)` moves to `x` along a trapezoidal profile:
 *   accelerating up to `speed` (or `maxSpeed` when `null`, and never more),
 *   then braking at the largest deceleration so as to stop on `x`;
 * - `stop()` stops it at once.
 *
 * Its motion is brought up to date, from its clock, each time it is called.
 */
export class FakeStepperMotor extends Actuator {
  static {
    Actuator.classes.register(this);
  }

  private readonly stepsPerMm: number;
  private readonly microsteps: number;
  private readonly acceleration: number;
  private readonly maxSpeed: number;
  private position = 0;
  private speed = 0;
  private targetPosition: number | null = 0;
  private targetSpeed = 0;
  private moveSpeed: number;
  private lastT: number | null = null;

  /** @param options the motor's resolution and limits */
  constructor(options: FakeStepperMotorOptions = {}) {
    super();
    const o = checkOptions(options, OPTIONS, 'FakeStepperMotor');
    this.stepsPerMm = numberOption(o.stepsPerMm, 100, 'FakeStepperMotor', 'stepsPerMm', { min: 0, exclusive: true });
    this.microsteps = numberOption(o.microsteps, 256, 'FakeStepperMotor', 'microsteps', { min: 1, integer: true });
    this.acceleration = numberOption(o.acceleration, 20, 'FakeStepperMotor', 'acceleration', { min: 0, exclusive: true });
    this.maxSpeed = numberOption(o.maxSpeed, 10, 'FakeStepperMotor', 'maxSpeed', { min: 0, exclusive: true });
    this.moveSpeed = this.maxSpeed;
  }

  /** Starts the motor's time, at rest at position 0. */
  override open(): void {
    this.lastT = this.clock.time();
  }

  /**
   * Sets the speed to reach, in mm/s (negative to move back); above
   * `maxSpeed` it is limited, with a warning.
   * @throws TypeError when it is not a finite number
   */
  override setSpeed(speed: number): void {
    checkCommand(speed, 'speed');
    this.update();
    let target = speed;
    if (Math.abs(target) > this.maxSpeed) {
      target = Math.sign(target) * this.maxSpeed;
      this.log(LogLevel.WARNING, `The speed ${speed} mm/s is above the largest speed, ${this.maxSpeed} mm/s is set instead`);
    }
    this.targetPosition = null;
    this.targetSpeed = target;
  }

  /**
   * Sets the position to reach, in mm.
   * @param speed the speed to move at (mm/s, at most `maxSpeed`), or `null` for `maxSpeed`
   * @throws TypeError when the position or the speed is not a finite number
   */
  override setPosition(position: number, speed: number | null): void {
    checkCommand(position, 'position');
    if (speed !== null) checkCommand(speed, 'speed');
    this.update();
    this.targetPosition = position;
    this.moveSpeed = speed === null ? this.maxSpeed : Math.min(Math.abs(speed), this.maxSpeed);
  }

  /** The current speed (mm/s). */
  override getSpeed(): number {
    this.update();
    return this.speed;
  }

  /** The current position (mm), as a whole number of microsteps. */
  override getPosition(): number {
    this.update();
    const perMm = this.stepsPerMm * this.microsteps;
    return Math.round(this.position * perMm) / perMm;
  }

  /** Stops the motor at once, and keeps it still. */
  override stop(): void {
    this.update();
    this.log(LogLevel.INFO, 'Stopping the simulated stepper motor abruptly');
    this.speed = 0;
    this.targetPosition = null;
    this.targetSpeed = 0;
  }

  /** Brings speed and position from the previous call's time to now. */
  private update(): void {
    const now = this.clock.time();
    let remaining = this.lastT === null ? 0 : now - this.lastT;
    this.lastT = now;
    while (remaining > 0 && !this.settle()) {
      const h = Math.min(STEP, remaining);
      remaining -= h;
      const dv = Math.max(-this.acceleration * h, Math.min(this.acceleration * h, this.wantedSpeed(h) - this.speed));
      if (dv === 0 && this.targetPosition === null) {
        // Cruising in speed mode: the rest of the interval at constant speed.
        this.position += this.speed * (h + remaining);
        return;
      }
      this.position += (this.speed + dv / 2) * h;
      this.speed += dv;
    }
    this.settle();
  }

  /**
   * In position mode, puts the motor at rest on its target once it is closer
   * to it, and slower, than one integration step can resolve.
   * @returns whether the motor rests on its target
   */
  private settle(): boolean {
    if (this.targetPosition === null) return false;
    const a = this.acceleration;
    if (Math.abs(this.targetPosition - this.position) > (a * STEP * STEP) / 2 || Math.abs(this.speed) > a * STEP) return false;
    this.position = this.targetPosition;
    this.speed = 0;
    return true;
  }

  /**
   * The speed to head for during the next step of `h` s: the target speed,
   * or in position mode the fastest speed (up to the move's speed) from
   * which the motor, after this step, can still brake to a stop on the
   * target.
   */
  private wantedSpeed(h: number): number {
    if (this.targetPosition === null) return this.targetSpeed;
    const distance = this.targetPosition - this.position;
    const direction = Math.sign(distance);
    const a = this.acceleration;
    // Towards the target, u' is the largest end-of-step speed with u'² ≤ 2·a·(distance left after the step).
    const towards = direction * this.speed;
    const left = Math.abs(distance) - (towards * h) / 2;
    const reachable = left > 0 ? (-a * h + Math.sqrt(a * a * h * h + 8 * a * left)) / 2 : 0;
    return direction * Math.min(this.moveSpeed, reachable);
  }
}

function checkCommand(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`FakeStepperMotor: the ${what} must be a finite number, got ${show(value)}`);
  }
}
