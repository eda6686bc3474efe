import { CameraSetting, type SettingKind, type SettingLog } from './camera-setting.js';

/** A setting that is `true` or `false` (a checkbox in the camera panel). */
export class BoolSetting extends CameraSetting<boolean> {
  /** Always `'bool'`. */
  readonly kind: SettingKind = 'bool';

  /** See {@link CameraSetting}; the default default is `true`, as in the original. */
  constructor(name: string, getter: (() => boolean) | null, setter: ((value: boolean) => void) | null, defaultValue: boolean, log: SettingLog) {
    super(name, getter, setter, defaultValue, log);
  }

  protected accept(value: unknown): boolean {
    if (typeof value !== 'boolean') throw new TypeError(`The camera setting ${this.name} takes true or false, got ${JSON.stringify(value)}`);
    return value;
  }
}
