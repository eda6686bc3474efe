import { LogLevel } from '@crappy/core';
import { CameraSetting, type SettingInfo, type SettingKind, type SettingLog } from './camera-setting.js';

/**
 * A setting that takes a number between two limits (a slider in the camera
 * panel). It takes integers only when both limits are integers, as in the
 * original (JavaScript has one number type: pass `integer: false` for
 * decimals between integer limits); a value outside the limits is clamped to them. Without a step,
 * the step is 1 for integers and a thousandth of the range otherwise.
 */
export class ScaleSetting extends CameraSetting<number> {
  /** Always `'scale'`. */
  readonly kind: SettingKind = 'scale';
  /** The lowest value. */
  lowest: number;
  /** The highest value. */
  highest: number;
  /** The slider's step. */
  step: number;
  /** Whether only integers are allowed (both limits were integers). */
  readonly integer: boolean;

  /**
   * @throws RangeError when the limits are equal or not finite, or the step is 0
   */
  constructor(
    name: string,
    lowest: number,
    highest: number,
    getter: (() => number) | null,
    setter: ((value: number) => void) | null,
    defaultValue: number | null,
    step: number | null,
    log: SettingLog,
    integerOnly: boolean | null = null,
  ) {
    if (!Number.isFinite(lowest) || !Number.isFinite(highest)) throw new RangeError(`The limits of the setting ${name} must be finite numbers, got ${lowest} and ${highest}`);
    if (lowest === highest) throw new RangeError(`The two given bounds are equal for setting ${name}!`);
    if (step === 0) throw new RangeError(`The provided step is equal to zero for setting ${name}!`);
    if (lowest > highest) {
      log(LogLevel.WARNING, `Lowest (${lowest}) higher than highest (${highest}), swapping them !`);
      [lowest, highest] = [highest, lowest];
    }
    const integer = integerOnly ?? (Number.isInteger(lowest) && Number.isInteger(highest));
    const middle = integer ? Math.trunc((lowest + highest) / 2) : (lowest + highest) / 2;
    let initial = middle;
    if (defaultValue !== null) {
      if (lowest <= defaultValue && defaultValue <= highest) initial = integer ? Math.trunc(defaultValue) : defaultValue;
      else log(LogLevel.WARNING, `The given default ${defaultValue} is not between the lowest (${lowest}) and highest (${highest}) values ! Setting to the center of the interval instead`);
    }
    super(name, getter, setter, initial, log);
    this.lowest = lowest;
    this.highest = highest;
    this.integer = integer;
    this.step = step ?? 0;
    this.fixStep(step);
  }

  protected override fromCamera(value: number): number {
    return this.cast(Math.min(Math.max(value, this.lowest), this.highest));
  }

  protected accept(value: unknown): number {
    if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`The camera setting ${this.name} takes a number, got ${JSON.stringify(value)}`);
    return this.cast(Math.min(Math.max(value, this.lowest), this.highest));
  }

  /**
   * Changes the limits (and the step) once the setting exists, e.g. when
   * the image size changes; the value is kept when still within them,
   * otherwise it becomes the default (the original's `reload`).
   */
  reload(lowest: number, highest: number, value: number | null = null, defaultValue: number | null = null, step: number | null = null): void {
    if (lowest === highest) throw new RangeError(`The two given bounds are equal for setting ${this.name}!`);
    if (lowest > highest) [lowest, highest] = [highest, lowest];
    this.lowest = lowest;
    this.highest = highest;
    if (defaultValue !== null && lowest <= defaultValue && defaultValue <= highest) this.default = this.cast(defaultValue);
    else if (!(lowest <= this.default && this.default <= highest)) this.default = this.cast((lowest + highest) / 2);
    this.fixStep(step);
    let target = value !== null && lowest <= value && value <= highest ? value : null;
    if (target === null && !(lowest <= this.value && this.value <= highest)) target = this.default;
    if (target === null) return;
    if (!this.wasSet) this.default = this.cast(target);
    else this.value = target;
  }

  override describe(): SettingInfo {
    return { ...super.describe(), lowest: this.lowest, highest: this.highest, step: this.step, integer: this.integer };
  }

  private cast(value: number): number {
    return this.integer ? Math.trunc(value) : value;
  }

  /** The original's step rules: an integer step for integers, not larger than the range, dividing it. */
  private fixStep(step: number | null): void {
    if (step === null) {
      this.step = this.integer ? 1 : (this.highest - this.lowest) / 1000;
      return;
    }
    this.step = step;
    if (this.integer && !Number.isInteger(this.step)) {
      this.step = Math.max(Math.trunc(this.step), 1);
      this.log(LogLevel.WARNING, `Could not set ${this.name} step (lowest: int, step: float), the step is now ${this.step} !`);
    }
    if (this.step > this.highest - this.lowest) {
      this.step = this.integer ? 1 : (this.highest - this.lowest) / 1000;
      this.log(LogLevel.WARNING, `Could not set ${this.name} step, the step is now ${this.step} !`);
    }
    if (this.integer && (this.highest - this.lowest) % this.step !== 0) {
      this.highest -= (this.highest - this.lowest) % this.step;
      this.log(LogLevel.WARNING, `Could not set ${this.name} highest with this step ${this.step}, the highest is now ${this.highest} !`);
    }
  }
}
