import { checkOptions, numberOption, show } from '../options/index.js';
import { Actuator } from './actuator.js';

/** Options of {@link FakeDCMotor}. */
export interface FakeDCMotorOptions {
  /** Inertia of the rotor and its load (kg·m², > 0; default 0.5). */
  inertia?: number;
  /** Constant load torque on the shaft (N·m; default 0). */
  torque?: number;
  /** Speed constant: RPM per volt (default 1000). */
  kv?: number;
  /** Linear (viscous-like) friction coefficient, added to the back-EMF's 1 (≥ 0; default 0.4). */
  rv?: number;
  /** Quadratic (fluid) friction coefficient (≥ 0; default 2e-5). */
  fv?: number;
  /** How much faster than real time the motor lives (> 0; default 1). */
  simulationSpeed?: number;
  /** Speed at `open()` (RPM; default 0). */
  initialSpeed?: number;
  /** Position at `open()` (turns; default 0). */
  initialPos?: number;
}

const OPTIONS = ['inertia', 'torque', 'kv', 'rv', 'fv', 'simulationSpeed', 'initialSpeed', 'initialPos'];

/** Longest integration step (simulated s). */
const STEP = 1e-3;

/** Integration steps above which the step grows, so that a long pause between calls stays cheap. */
const MAX_STEPS = 100_000;

/**
 * A simulated DC motor driven by its voltage, for trying scripts without
 * hardware. It is driven in speed only: `setSpeed(volts)` sets the voltage;
 * `getSpeed()` returns the speed (RPM) and `getPosition()` the position
 * (turns).
 *
 * The speed ω (RPM) follows `J·dω/dt = kv·U − torque − ω·(1 + rv) − fv·ω·|ω|`,
 * integrated (Runge-Kutta 4, steps of at most 1 ms of simulated time) each
 * time the motor is called, from the time of the previous call on its clock,
 * assuming the voltage stayed constant meanwhile. With the defaults, 1 V
 * gives about 707 RPM once settled, within about 2 s.
 */
export class FakeDCMotor extends Actuator {
  static {
    Actuator.classes.register(this);
  }

  private readonly inertia: number;
  private readonly torque: number;
  private readonly kv: number;
  private readonly rv: number;
  private readonly fv: number;
  private readonly simulationSpeed: number;
  private readonly initialSpeed: number;
  private readonly initialPos: number;
  private rpm = 0;
  private turns = 0;
  private volts = 0;
  private lastT: number | null = null;

  /** @param options the motor's constants and initial state */
  constructor(options: FakeDCMotorOptions = {}) {
    super();
    const o = checkOptions(options, OPTIONS, 'FakeDCMotor');
    this.inertia = numberOption(o.inertia, 0.5, 'FakeDCMotor', 'inertia', { min: 0, exclusive: true });
    this.torque = numberOption(o.torque, 0, 'FakeDCMotor', 'torque');
    this.kv = numberOption(o.kv, 1000, 'FakeDCMotor', 'kv');
    this.rv = numberOption(o.rv, 0.4, 'FakeDCMotor', 'rv', { min: 0 });
    this.fv = numberOption(o.fv, 2e-5, 'FakeDCMotor', 'fv', { min: 0 });
    this.simulationSpeed = numberOption(o.simulationSpeed, 1, 'FakeDCMotor', 'simulationSpeed', { min: 0, exclusive: true });
    this.initialSpeed = numberOption(o.initialSpeed, 0, 'FakeDCMotor', 'initialSpeed');
    this.initialPos = numberOption(o.initialPos, 0, 'FakeDCMotor', 'initialPos');
  }

  /** Puts the motor in its initial state, with no voltage, and starts its time. */
  override open(): void {
    this.rpm = this.initialSpeed;
    this.turns = this.initialPos;
    this.volts = 0;
    this.lastT = this.simulatedTime();
  }

  /**
   * Sets the voltage.
   * @param volts the voltage applied from now on (V)
   * @throws TypeError when it is not a finite number
   */
  override setSpeed(volts: number): void {
    if (typeof volts !== 'number' || !Number.isFinite(volts)) {
      throw new TypeError(`FakeDCMotor: the command must be a finite number of volts, got ${show(volts)}`);
    }
    this.update();
    this.volts = volts;
  }

  /** The current speed (RPM). */
  override getSpeed(): number {
    this.update();
    return this.rpm;
  }

  /** The current position (turns). */
  override getPosition(): number {
    this.update();
    return this.turns;
  }

  private simulatedTime(): number {
    return this.clock.time() * this.simulationSpeed;
  }

  /** Acceleration (RPM/s) at speed `rpm` under the current voltage. */
  private acceleration(rpm: number): number {
    const drive = this.volts * this.kv - this.torque;
    const friction = rpm * (1 + this.rv) + this.fv * rpm * Math.abs(rpm);
    return (drive - friction) / this.inertia;
  }

  /** Brings speed and position from the previous call's time to now. */
  private update(): void {
    const now = this.simulatedTime();
    const elapsed = this.lastT === null ? 0 : now - this.lastT;
    this.lastT = now;
    if (!(elapsed > 0)) return;
    const steps = Math.min(MAX_STEPS, Math.ceil(elapsed / STEP));
    const h = elapsed / steps;
    for (let i = 0; i < steps; i++) {
      // Runge-Kutta 4 on (position, speed); position is in turns, speed in turns per minute.
      const w1 = this.rpm;
      const a1 = this.acceleration(w1);
      const w2 = w1 + (a1 * h) / 2;
      const a2 = this.acceleration(w2);
      const w3 = w1 + (a2 * h) / 2;
      const a3 = this.acceleration(w3);
      const w4 = w1 + a3 * h;
      const a4 = this.acceleration(w4);
      this.turns += (h / 60) * ((w1 + 2 * w2 + 2 * w3 + w4) / 6);
      this.rpm += h * ((a1 + 2 * a2 + 2 * a3 + a4) / 6);
    }
  }
}
