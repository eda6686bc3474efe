import { EventEmitter } from 'eventemitter3';
import type { HubClient } from '../hub/client.js';
import { hubClient } from '../hub/current-client.js';
import type { GpioDirection, GpioEdge } from './gpio-line.js';

/** The events of a {@link GpioProxy}. */
export interface GpioEvents {
  /** An edge of the watched input: its new value. */
  edge: (value: number) => void;
  /** The hub could not watch the line any more. */
  error: (error: Error) => void;
}

/** Options of {@link GpioProxy.open}. */
export interface GpioOpenOptions {
  /** The edges to report (default `'none'`). */
  edge?: GpioEdge;
  /** Invert the line's logic (default false). */
  activeLow?: boolean;
}

/**
 * A GPIO line exported by the hardware hub (onoff's `Gpio` in the main
 * thread): read and write in Promise and `*Sync` forms, and `edge` events
 * once {@link GpioProxy.watch} was called.
 */
export class GpioProxy extends EventEmitter<GpioEvents> {
  private unsubscribe: (() => void) | null = null;
  private released = false;

  private constructor(
    private readonly client: HubClient,
    private readonly handle: number,
    /** The GPIO number. */
    readonly gpio: number,
  ) {
    super();
  }

  /**
   * Exports GPIO `gpio` in the hub.
   * @throws Error when it does not exist, or is exported already (by a Block or another program)
   */
  static async open(gpio: number, direction: GpioDirection, options: GpioOpenOptions = {}): Promise<GpioProxy> {
    const client = hubClient();
    const handle = (await client.call('gpio', 'open', [gpio, direction, options.edge ?? 'none', options.activeLow ?? false])) as number;
    return new GpioProxy(client, handle, gpio);
  }

  /** Reads the line: 0 or 1. */
  read(): Promise<number> {
    return this.client.call('gpio', 'read', [this.handle]) as Promise<number>;
  }
  /** {@link GpioProxy.read}, waiting. */
  readSync(): number {
    return this.client.callSync('gpio', 'read', [this.handle]) as number;
  }
  /** Sets an output line to `value` (0 or 1). */
  async write(value: 0 | 1): Promise<void> {
    await this.client.call('gpio', 'write', [this.handle, value]);
  }
  /** {@link GpioProxy.write}, waiting. */
  writeSync(value: 0 | 1): void {
    this.client.callSync('gpio', 'write', [this.handle, value]);
  }

  /** Starts sending `edge` events for the edges chosen at {@link GpioProxy.open}. */
  async watch(): Promise<void> {
    if (this.unsubscribe === null) {
      this.unsubscribe = this.client.subscribe('gpio', this.handle, (event, args) => {
        if (event === 'edge') this.emit('edge', args[0] as number);
        else this.emit('error', new Error(`GPIO ${this.gpio}: ${String(args[0])}`));
      });
    }
    await this.client.call('gpio', 'watch', [this.handle]);
  }

  /** Stops the `edge` events. */
  async unwatch(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.client.call('gpio', 'unwatch', [this.handle]);
  }

  /** Releases the line. */
  async unexport(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.client.call('gpio', 'unexport', [this.handle]);
  }
}
