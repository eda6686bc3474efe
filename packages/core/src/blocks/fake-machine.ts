import { Block } from '../block/block.js';
import type { Message } from '../message/message.js';
import { LogLevel } from '../logging/levels.js';
import { checkOptions, labelOption, numberOption, objectOption, show } from '../options/index.js';
import { applyStandardOptions } from '../options/standard.js';

/** A draw from a normal distribution: `(mean, standardDeviation) => value`. */
export type NormalSampler = (mean: number, sigma: number) => number;

/** Options of {@link FakeMachine}. */
export interface FakeMachineOptions {
  /** Force per unit of elastic strain (N, so that F = rigidity × strain; ≥ 0; default 8.4e6). */
  rigidity?: number;
  /** Initial length of the sample (mm, > 0; default 200). */
  l0?: number;
  /** Strain at which the sample breaks (%, > 0; default 1.51). */
  maxStrain?: number;
  /**
   * Standard deviation of the noise added to each label, in the label's
   * unit; labels not listed get none. Default
   * `{'F(N)': 50, 'x(mm)': 2e-3, 'Exx(%)': 1e-3, 'Eyy(%)': 1e-3}`; `{}` for no noise.
   */
  sigma?: Record<string, number>;
  /** Poisson's ratio (default 0.3). */
  nu?: number;
  /** Plastic strain as a function of the largest strain reached (default {@link FakeMachine.plastic}). */
  plasticLaw?: (maxStrain: number) => number;
  /** Largest speed of the crosshead (mm/s, ≥ 0; default 5). */
  maxSpeed?: number;
  /** Whether the command is a speed (mm/s, default) or a position (mm). */
  mode?: 'speed' | 'position';
  /** Label of the command (default `'cmd'`). */
  cmdLabel?: string;
  /** The noise's source (default: Box-Muller on `Math.random()`); tests give their own. */
  normal?: NormalSampler;
  /** Loops per second (default 100); `null` loops as fast as possible. */
  freq?: number | null;
  /** Log the achieved loops/s every 2 s (default false). */
  displayFreq?: boolean;
  /** `true`: DEBUG logs; `false` (default): INFO and above; `null`: none. */
  debug?: boolean | null;
}

const OPTIONS = [
  'rigidity',
  'l0',
  'maxStrain',
  'sigma',
  'nu',
  'plasticLaw',
  'maxSpeed',
  'mode',
  'cmdLabel',
  'normal',
  'freq',
  'displayFreq',
  'debug',
];

/** A normal draw by the Box-Muller transform. */
function boxMuller(mean: number, sigma: number): number {
  const u = 1 - Math.random();
  const v = Math.random();
  return mean + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A simulated tensile test machine, for trying scripts without hardware: it
 * pulls on an elasto-plastic sample (tension only) and sends what a real
 * machine would, on the labels `t(s)`, `F(N)`, `x(mm)`, `Exx(%)` and
 * `Eyy(%)`, with some noise.
 *
 * It is driven like a {@link Machine}: each loop it takes the last value
 * received on `cmdLabel`, a speed (mm/s) or a position (mm) depending on
 * `mode`, and moves the crosshead accordingly, never faster than `maxSpeed`
 * nor below 0. Past `maxStrain` the sample is broken: the force drops to 0
 * for good, and "Sample broke !" is logged at most once a second. The
 * plastic part of the strain follows `plasticLaw` of the largest strain seen.
 * Loops that received no command yet send nothing; `begin()` sends the
 * initial state (all zero, plus noise).
 *
 * @example
 * ```ts
 * const machine = new crappy.blocks.FakeMachine({ mode: 'position', cmdLabel: 'target(mm)', sigma: {} });
 * ```
 */
export class FakeMachine extends Block {
  /**
   * The default plastic law: no plastic strain up to a yield strain of 0.5 %,
   * then one that grows smoothly, as `0.02·(√(((ε − 0.005)/0.02)² + 1) − 1)`.
   * @param strain the largest strain reached (unitless)
   * @returns the plastic strain (unitless)
   */
  static plastic(strain: number): number {
    if (!(strain > 0.005)) return 0;
    return 0.02 * (Math.sqrt(((strain - 0.005) / 0.02) ** 2 + 1) - 1);
  }

  /** Current rigidity (N); 0 once the sample broke. */
  protected rigidity: number;
  /** Current crosshead position (mm). */
  protected currentPos = 0;
  /** Time (s since the epoch) of the last command applied; `t0` from `begin()`. */
  protected prevT: number | null = null;
  /** Time (s since the epoch) of the last "Sample broke !" warning (at first, the construction's). */
  protected prevBrokeT: number;
  /** Plastic elongation (mm). */
  protected plasticElongation = 0;
  /** Largest strain reached (unitless). */
  protected maxRecordedStrain = 0;

  private readonly l0: number;
  private readonly maxStrain: number;
  private readonly nu: number;
  private readonly maxSpeed: number;
  private readonly sigma: Readonly<Record<string, number>>;
  private readonly plasticLaw: (maxStrain: number) => number;
  private readonly mode: 'speed' | 'position';
  private readonly cmdLabel: string;
  private readonly normal: NormalSampler;

  /**
   * @param options the sample, the machine, and the Block's options
   * @throws RangeError for a `mode` other than `'speed'` or `'position'`, or a number out of range
   * @throws TypeError for an option of the wrong type
   */
  constructor(options: FakeMachineOptions = {}) {
    super();
    const o = checkOptions(options, OPTIONS, 'FakeMachine');
    applyStandardOptions(this, o, 100, 'FakeMachine');
    this.rigidity = numberOption(o.rigidity, 8.4e6, 'FakeMachine', 'rigidity', { min: 0 });
    this.l0 = numberOption(o.l0, 200, 'FakeMachine', 'l0', { min: 0, exclusive: true });
    this.maxStrain = numberOption(o.maxStrain, 1.51, 'FakeMachine', 'maxStrain', { min: 0, exclusive: true, infinite: true }) / 100;
    this.nu = numberOption(o.nu, 0.3, 'FakeMachine', 'nu');
    this.maxSpeed = numberOption(o.maxSpeed, 5, 'FakeMachine', 'maxSpeed', { min: 0, infinite: true });
    this.sigma = sigmaOption(o.sigma);
    this.plasticLaw = functionOption(o.plasticLaw, FakeMachine.plastic, 'plasticLaw');
    this.normal = functionOption(o.normal, boxMuller, 'normal');
    const mode = o.mode ?? 'speed';
    if (mode !== 'speed' && mode !== 'position') {
      throw new RangeError(`FakeMachine: mode must be 'speed' or 'position', got ${show(mode)}`);
    }
    this.mode = mode;
    this.cmdLabel = labelOption(o.cmdLabel, 'cmd', 'FakeMachine', 'cmdLabel');
    this.prevBrokeT = this.clock.time();
  }

  /** Starts the machine's time at `t0` and sends the initial state. */
  override begin(): void {
    this.prevT = this.t0;
    this.sendValues();
  }

  /** Applies the last command over the time since the previous one, and sends the new state. */
  override loop(): void {
    const t = this.clock.time();
    const dt = t - (this.prevT ?? t);
    if (!(dt > 0)) return;
    const data = this.recvLastData(true);
    if (!(this.cmdLabel in data)) return;
    const cmd = data[this.cmdLabel];
    if (typeof cmd !== 'number') {
      throw new TypeError(`${this.name}: the command on '${this.cmdLabel}' must be a number, got ${show(cmd)}`);
    }
    this.prevT = t;

    const gap = this.mode === 'speed' ? cmd : cmd - this.currentPos;
    const wanted = this.mode === 'speed' ? Math.abs(gap) : Math.abs(gap) / dt;
    const speed = Math.sign(gap) * Math.min(this.maxSpeed, wanted);
    this.currentPos = Math.max(this.currentPos + speed * dt, 0);

    const strain = this.currentPos / this.l0;
    if (strain > this.maxStrain) {
      if (this.clock.time() - this.prevBrokeT > 1) {
        this.prevBrokeT = this.clock.time();
        this.log(LogLevel.WARNING, 'Sample broke !');
      }
      this.rigidity = 0;
    }
    if (strain > this.maxRecordedStrain) {
      this.maxRecordedStrain = strain;
      this.plasticElongation = this.plasticLaw(strain) * this.l0;
    }
    this.sendValues();
  }

  /**
   * Adds noise to the labels of `data` that have a sigma, in the order of
   * `data`'s labels, each drawn as `normal(value, sigma)`.
   * @returns `data` itself, changed in place
   */
  protected addNoise(data: Record<string, number>): Record<string, number> {
    for (const label of Object.keys(data)) {
      const sigma = this.sigma[label];
      if (sigma !== undefined) data[label] = this.normal(data[label]!, sigma);
    }
    return data;
  }

  /** Sends the current state, with noise. */
  private sendValues(): void {
    const state = {
      't(s)': this.clock.time() - this.t0,
      'F(N)': ((this.currentPos - this.plasticElongation) / this.l0) * this.rigidity,
      'x(mm)': this.currentPos,
      'Exx(%)': (this.currentPos * 100) / this.l0,
      'Eyy(%)': (-this.nu * this.currentPos * 100) / this.l0,
    };
    const noisy = this.addNoise(state);
    // + 0 turns −0 (Eyy at rest) into 0, which the original's tests compare with ==
    for (const label of Object.keys(noisy)) noisy[label] = noisy[label]! + 0;
    this.send(noisy as Message);
  }
}

function sigmaOption(value: unknown): Readonly<Record<string, number>> {
  if (value === undefined) return { 'F(N)': 50, 'x(mm)': 2e-3, 'Exx(%)': 1e-3, 'Eyy(%)': 1e-3 };
  const sigma = objectOption(value, 'FakeMachine', 'sigma');
  for (const [label, deviation] of Object.entries(sigma)) numberOption(deviation, 0, 'FakeMachine', `sigma['${label}']`, { min: 0 });
  return { ...(sigma as Record<string, number>) };
}

function functionOption<F extends (...args: never[]) => number>(value: unknown, fallback: F, option: string): F {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') throw new TypeError(`FakeMachine: ${option} must be a function, got ${show(value)}`);
  return value as F;
}
