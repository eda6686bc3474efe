import type { GpioDirection, GpioEdge, GpioLine } from './gpio-line.js';

interface FakePin {
  value: number;
  direction: GpioDirection;
  edge: GpioEdge;
  exported: boolean;
  watchers: Array<(error: Error | null | undefined, value: number) => void>;
  /** Every value written by a driver, in order. */
  written: number[];
}

/**
 * A GPIO chip without hardware, for the hub's GPIO service: lines are
 * exported, read and written as with onoff; a test drives the inputs
 * ({@link FakeGpioChip.drive}) and reads what was written to the outputs
 * ({@link FakeGpioChip.level}, {@link FakeGpioChip.writes}).
 */
export class FakeGpioChip {
  private readonly pins = new Map<number, FakePin>();

  /** @param lines the GPIO numbers the chip has (default 0 to 27, a Raspberry Pi's header) */
  constructor(lines: number[] = Array.from({ length: 28 }, (_, i) => i)) {
    for (const line of lines) this.pins.set(line, { value: 0, direction: 'in', edge: 'none', exported: false, watchers: [], written: [] });
  }

  /**
   * Exports line `gpio`, as onoff's `new Gpio()` does.
   * @throws Error (code `ENOENT`) for a line the chip lacks, (code `EBUSY`) for a line already exported
   */
  export(gpio: number, direction: GpioDirection, edge: GpioEdge = 'none'): GpioLine {
    const pin = this.pins.get(gpio);
    if (pin === undefined) throw Object.assign(new Error(`GPIO ${gpio} does not exist on the simulated chip`), { code: 'ENOENT' });
    if (pin.exported) throw Object.assign(new Error(`GPIO ${gpio} is already exported`), { code: 'EBUSY' });
    pin.exported = true;
    pin.direction = direction;
    pin.edge = edge;
    if (direction === 'high') pin.value = 1;
    if (direction === 'low' || direction === 'out') pin.value = 0;
    return {
      read: async () => pin.value,
      write: async (value) => {
        if (pin.direction === 'in') throw Object.assign(new Error(`GPIO ${gpio} is an input: it cannot be written`), { code: 'EPERM' });
        pin.value = value ? 1 : 0;
        pin.written.push(pin.value);
      },
      watch: (callback) => void pin.watchers.push(callback),
      unwatchAll: () => void (pin.watchers = []),
      unexport: () => {
        pin.exported = false;
        pin.watchers = [];
      },
    };
  }

  /**
   * Drives input `gpio` to `value` from outside, as a switch or a sensor
   * would; watchers of a matching edge are told.
   */
  drive(gpio: number, value: 0 | 1): void {
    const pin = this.pins.get(gpio);
    if (pin === undefined) throw new RangeError(`GPIO ${gpio} does not exist on the simulated chip`);
    const before = pin.value;
    pin.value = value;
    const rising = before === 0 && value === 1;
    const falling = before === 1 && value === 0;
    if ((rising && (pin.edge === 'rising' || pin.edge === 'both')) || (falling && (pin.edge === 'falling' || pin.edge === 'both'))) {
      for (const watcher of pin.watchers) watcher(null, value);
    }
  }

  /** The current level of line `gpio`. */
  level(gpio: number): number {
    return this.pins.get(gpio)?.value ?? 0;
  }

  /** Every value written to line `gpio`, in order. */
  writes(gpio: number): readonly number[] {
    return this.pins.get(gpio)?.written ?? [];
  }

  /** Whether line `gpio` is exported. */
  isExported(gpio: number): boolean {
    return this.pins.get(gpio)?.exported === true;
  }
}
