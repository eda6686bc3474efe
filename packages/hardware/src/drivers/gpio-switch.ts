import { InOut } from '@crappy/core';
import { checkOptions, numberOption, show } from '@crappy/core/options';
import { GpioProxy } from '../gpio/gpio-proxy.js';
import { choiceOption } from './driver-options.js';

/** Options of {@link GPIOSwitch}. */
export interface GPIOSwitchOptions {
  /** The GPIO to drive, BCM number from 2 to 27 (required). */
  pinOut: number;
  /** Only `'Pi4'` (GPIO through the hub); the original's `'blinka'` backend is Python's. */
  backend?: 'Pi4';
}

/**
 * Drives a GPIO high or low from a command (the original's
 * crappy/inout/gpio_switch.py): `setCmd(1)` high, `setCmd(0)` low, any
 * other value is an error. The line is released at close.
 */
export class GPIOSwitch extends InOut {
  static {
    InOut.classes.register(this);
  }

  private readonly pin: number;
  private line: GpioProxy | null = null;

  constructor(options: GPIOSwitchOptions) {
    super();
    checkOptions(options, ['pinOut', 'backend'], 'GPIOSwitch');
    choiceOption(options.backend, ['Pi4'] as const, 'Pi4', 'GPIOSwitch', 'backend');
    this.pin = numberOption(options?.pinOut, undefined, 'GPIOSwitch', 'pinOut', { min: 2, max: 27, integer: true });
  }

  /** Exports the line as a low output. */
  override async open(): Promise<void> {
    this.line = await GpioProxy.open(this.pin, 'low').catch((error: Error) => {
      throw new Error(`GPIOSwitch: cannot use GPIO ${this.pin}: ${error.message}`);
    });
  }

  /** Drives the line: 1 high, 0 low. */
  override async setCmd(...cmd: unknown[]): Promise<void> {
    const value = cmd[0];
    if (value !== 0 && value !== 1) throw new RangeError(`GPIOSwitch on GPIO ${this.pin}: the command must be 0 or 1, got ${show(value)}`);
    await this.line!.write(value);
  }

  /** Releases the line. */
  override async close(): Promise<void> {
    await this.line?.unexport();
    this.line = null;
  }
}
