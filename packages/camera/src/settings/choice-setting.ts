import { LogLevel } from '@crappy/core';
import { CameraSetting, type SettingInfo, type SettingKind, type SettingLog } from './camera-setting.js';

/**
 * A setting that takes one of a list of strings (a list in the camera
 * panel). A default that is not a choice becomes the first choice, with a
 * warning, as in the original.
 */
export class ChoiceSetting extends CameraSetting<string> {
  /** Always `'choice'`. */
  readonly kind: SettingKind = 'choice';
  /** The possible values. */
  choices: readonly string[];

  /**
   * @param choices the possible values, at least one
   * @throws RangeError for an empty list of choices
   */
  constructor(
    name: string,
    choices: readonly string[],
    getter: (() => string) | null,
    setter: ((value: string) => void) | null,
    defaultValue: string | null,
    log: SettingLog,
  ) {
    if (choices.length === 0) throw new RangeError(`The choice setting ${name} needs at least one choice`);
    let initial = defaultValue ?? choices[0]!;
    if (!choices.includes(initial)) {
      log(LogLevel.WARNING, `The given default ${initial} is not part of the given choices ! Setting default to ${choices[0]} instead`);
      initial = choices[0]!;
    }
    super(name, getter, setter, initial, log);
    this.choices = [...choices];
  }

  protected accept(value: unknown): string {
    if (typeof value !== 'string' || !this.choices.includes(value)) {
      throw new RangeError(`The camera setting ${this.name} takes one of ${JSON.stringify(this.choices)}, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  override describe(): SettingInfo {
    return { ...super.describe(), choices: [...this.choices] };
  }
}
