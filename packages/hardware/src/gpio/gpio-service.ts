import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { HubPeer, HubService } from '../hub/service.js';
import { sendEvent } from '../hub/service.js';
import type { FakeGpioChip } from './fake-gpio-chip.js';
import type { GpioDirection, GpioEdge, GpioLine } from './gpio-line.js';

const require = createRequire(import.meta.url);

interface Exported {
  gpio: number;
  owner: HubPeer;
  line: GpioLine;
}

/**
 * The hub's GPIO service: exports lines with onoff (or on a
 * {@link FakeGpioChip}), one Block per line, reads and writes them, and
 * sends the edges of watched inputs to the Block as `edge` events.
 */
export class GpioService implements HubService {
  private readonly lines = new Map<number, Exported>();
  private nextHandle = 1;

  /** @param simulate a fake chip used instead of the kernel's GPIO */
  constructor(private readonly simulate?: FakeGpioChip) {}

  /** Makes one call of a Block: `open(gpio, direction, edge, activeLow)`, or a line call by handle. */
  async call(peer: HubPeer, op: string, args: unknown[]): Promise<unknown> {
    if (op === 'open') return this.open(peer, args[0] as number, args[1] as GpioDirection, args[2] as GpioEdge, args[3] as boolean);
    const handle = args[0] as number;
    const exported = this.lines.get(handle);
    if (exported === undefined || exported.owner !== peer) throw new Error(`GPIO handle ${handle} is not exported`);
    const where = `GPIO ${exported.gpio}`;
    switch (op) {
      case 'read':
        return exported.line.read();
      case 'write':
        return exported.line.write(args[1] as number).catch((error: Error) => {
          throw new Error(`${where}: write failed: ${error.message}`);
        });
      case 'watch':
        exported.line.watch((error, value) => sendEvent(peer, 'gpio', handle, error ? 'error' : 'edge', [error ? error.message : value]));
        return undefined;
      case 'unwatch':
        exported.line.unwatchAll();
        return undefined;
      case 'unexport':
        this.release(handle);
        return undefined;
      default:
        throw new RangeError(`the GPIO service has no call ${JSON.stringify(op)}`);
    }
  }

  /** Unexports every line. */
  async close(): Promise<void> {
    for (const handle of [...this.lines.keys()]) this.release(handle);
  }

  private open(peer: HubPeer, gpio: number, direction: GpioDirection, edge: GpioEdge = 'none', activeLow = false): number {
    if (!Number.isInteger(gpio) || gpio < 0) throw new RangeError(`a GPIO number must be an integer ≥ 0, got ${String(gpio)}`);
    for (const other of this.lines.values()) {
      if (other.gpio === gpio) throw Object.assign(new Error(`GPIO ${gpio} is already exported by Block ${other.owner.name}`), { code: 'EBUSY' });
    }
    let line: GpioLine;
    if (this.simulate !== undefined) {
      line = this.simulate.export(gpio, direction, edge);
    } else {
      if (existsSync(`/sys/class/gpio/gpio${gpio}`)) {
        throw Object.assign(new Error(`GPIO ${gpio} is already exported (by another program: see /sys/class/gpio/gpio${gpio})`), { code: 'EBUSY' });
      }
      const { Gpio } = require('onoff') as { Gpio: new (gpio: number, direction: string, edge: string, options: object) => GpioLine };
      line = new Gpio(gpio, direction, edge, { activeLow });
    }
    const handle = this.nextHandle++;
    this.lines.set(handle, { gpio, owner: peer, line });
    return handle;
  }

  private release(handle: number): void {
    const exported = this.lines.get(handle);
    if (exported === undefined) return;
    this.lines.delete(handle);
    try {
      exported.line.unwatchAll();
      exported.line.unexport();
    } catch {
      // Releasing at the end of a run: the line may be gone already.
    }
  }
}
