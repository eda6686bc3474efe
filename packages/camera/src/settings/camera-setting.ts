import { LogLevel } from '@crappy/core';

/** Where a setting's log messages go: `(level, message)`; the Camera passes its own. */
export type SettingLog = (level: number, message: string) => void;

/** The kinds of settings, as the camera panel shows them. */
export type SettingKind = 'bool' | 'scale' | 'choice';

/** What the camera panel needs to show one setting: its kind, limits and current value. */
export interface SettingInfo {
  /** The setting's name (`'exposure'`, `'trigger'`, `'ROI_x'`...). */
  readonly name: string;
  /** Checkbox, slider or list. */
  readonly kind: SettingKind;
  /** The current value (read through the getter when there is one). */
  readonly value: boolean | number | string;
  /** The default value. */
  readonly default: boolean | number | string;
  /** Scale settings: the lowest value. */
  readonly lowest?: number;
  /** Scale settings: the highest value. */
  readonly highest?: number;
  /** Scale settings: the step of the slider. */
  readonly step?: number;
  /** Scale settings: whether only integers are allowed. */
  readonly integer?: boolean;
  /** Choice settings: the possible values. */
  readonly choices?: readonly string[];
}

/**
 * One setting of a Camera (the original's `CameraSetting`): a value read
 * through an optional getter and written through an optional setter; without
 * a getter the value is the last one set. After each set, the value is read
 * back, twice if needed (drivers may lag), and a difference is logged as a
 * warning.
 */
export abstract class CameraSetting<T extends boolean | number | string> {
  /** The value given at construction (or by a reload). */
  default: T;
  /** Whether the value has been set at least once. */
  wasSet = false;
  /** Whether the user gave the value as an option of the Camera Block. */
  userSet = false;
  private stored: T;

  /**
   * @param name the setting's name
   * @param getter reads the value from the camera, or `null` to keep the last value set
   * @param setter writes the value to the camera, or `null` to only store it
   * @param defaultValue the default value
   * @param log where warnings go
   */
  constructor(
    readonly name: string,
    protected readonly getter: (() => T) | null,
    protected readonly setter: ((value: T) => void) | null,
    defaultValue: T,
    protected readonly log: SettingLog,
  ) {
    this.default = defaultValue;
    this.stored = defaultValue;
  }

  /** The kind of control the panel shows for it. */
  abstract readonly kind: SettingKind;

  /** The current value: the getter's, or the last value set. */
  get value(): T {
    return this.getter !== null ? this.fromCamera(this.getter()) : this.stored;
  }

  set value(value: T) {
    const target = this.accept(value);
    this.log(LogLevel.DEBUG, `Setting the setting ${this.name} to ${String(target)}`);
    this.wasSet = true;
    this.stored = target;
    this.setter?.(target);
    if (this.value !== target && this.value !== target) {
      this.log(LogLevel.WARNING, `Could not set ${this.name} to ${String(target)}, the value is ${String(this.value)} !`);
    }
  }

  /**
   * Checks a value given to the setter and returns what is set (a scale
   * setting clamps it to its limits).
   * @throws TypeError / RangeError naming the setting for a value it cannot take
   */
  protected abstract accept(value: unknown): T;

  /** Turns what the getter read into the setting's value (a scale setting clamps it to its limits). */
  protected fromCamera(value: T): T {
    return value;
  }

  /** What the camera panel shows of it. */
  describe(): SettingInfo {
    return { name: this.name, kind: this.kind, value: this.value, default: this.default };
  }
}
