import { createRequire } from 'node:module';
import type { HubPeer, HubService } from '../hub/service.js';
import { withTimeout } from '../hub/with-timeout.js';
import { FakeI2cBus } from './fake-i2c-bus.js';
import type { I2cDeviceModel } from './i2c-device-model.js';
import type { I2cTransport } from './i2c-transport.js';

const require = createRequire(import.meta.url);

/** How long one I2C transfer may take before it fails (ms). */
const CALL_TIMEOUT_MS = 2000;

interface Bus {
  transport: I2cTransport;
  /** The end of the queue of calls: a bus makes one transfer at a time, whichever Block asked. */
  queue: Promise<unknown>;
  users: number;
}

/** Calls whose address is their first argument: errors name the device. */
const ADDRESSED = new Set([
  'i2cRead',
  'i2cWrite',
  'readByte',
  'readWord',
  'readI2cBlock',
  'receiveByte',
  'sendByte',
  'writeByte',
  'writeWord',
  'writeQuick',
  'writeI2cBlock',
  'deviceId',
]);

/**
 * The hub's I2C service: opens each bus once (i2c-bus, or a
 * {@link FakeI2cBus} when simulated), shares it between the Blocks that
 * use it, and makes their calls one after the other.
 *
 * Calls take i2c-bus's arguments, except that buffers travel as bytes:
 * `i2cRead(addr, length)` and `readI2cBlock(addr, cmd, length)` return the
 * bytes read; `i2cWrite(addr, bytes)` and `writeI2cBlock(addr, cmd, bytes)`
 * take the bytes to write.
 */
export class I2cService implements HubService {
  private readonly buses = new Map<number, Bus>();
  private readonly handles = new Map<number, { owner: HubPeer; busNumber: number }>();
  private nextHandle = 1;

  /** @param simulate devices by bus number: those buses are fake */
  constructor(private readonly simulate?: Record<number, I2cDeviceModel[]>) {}

  /** Makes one call of a Block: `open(bus)`, `close(handle)`, or `call(handle, method, args)`. */
  async call(peer: HubPeer, op: string, args: unknown[]): Promise<unknown> {
    if (op === 'open') return this.open(peer, args[0] as number);
    const handle = args[0] as number;
    const opened = this.handles.get(handle);
    if (opened === undefined || opened.owner !== peer) throw new Error(`I2C handle ${handle} is not open`);
    const bus = this.buses.get(opened.busNumber)!;
    if (op === 'close') return this.release(handle);
    if (op !== 'call') throw new RangeError(`the I2C service has no call ${JSON.stringify(op)}`);
    const method = args[1] as string;
    const callArgs = args[2] as unknown[];
    const run = (): Promise<unknown> =>
      withTimeout(this.transfer(bus.transport, method, callArgs), CALL_TIMEOUT_MS, `I2C bus ${opened.busNumber}: ${method}()`).catch((error: Error) => {
        const where = ADDRESSED.has(method) ? `I2C bus ${opened.busNumber}, device 0x${(callArgs[0] as number).toString(16).padStart(2, '0')}` : `I2C bus ${opened.busNumber}`;
        throw Object.assign(new Error(`${where}: ${method}() failed: ${error.message}`), { code: (error as { code?: string }).code });
      });
    const result = bus.queue.then(run, run);
    bus.queue = result.catch(() => undefined);
    return result;
  }

  /** Closes every bus. */
  async close(): Promise<void> {
    const buses = [...this.buses.values()];
    this.buses.clear();
    this.handles.clear();
    await Promise.allSettled(buses.map((bus) => withTimeout(bus.queue.then(() => bus.transport.close()), CALL_TIMEOUT_MS, 'closing an I2C bus')));
  }

  private async open(peer: HubPeer, busNumber: number): Promise<number> {
    if (!Number.isInteger(busNumber) || busNumber < 0) throw new RangeError(`I2C bus number must be an integer ≥ 0, got ${String(busNumber)}`);
    let bus = this.buses.get(busNumber);
    if (bus === undefined) {
      const devices = this.simulate?.[busNumber];
      let transport: I2cTransport;
      if (this.simulate !== undefined) {
        if (devices === undefined) throw new Error(`I2C bus ${busNumber} is not simulated (simulated buses: ${Object.keys(this.simulate).join(', ') || 'none'})`);
        transport = new FakeI2cBus(busNumber, devices);
      } else {
        const i2c = require('i2c-bus') as { openPromisified(bus: number): Promise<I2cTransport> };
        transport = await i2c.openPromisified(busNumber).catch((error: Error) => {
          throw Object.assign(new Error(`cannot open I2C bus ${busNumber} (/dev/i2c-${busNumber}): ${error.message}`), { code: (error as { code?: string }).code });
        });
      }
      bus = { transport, queue: Promise.resolve(), users: 0 };
      this.buses.set(busNumber, bus);
    }
    bus.users += 1;
    const handle = this.nextHandle++;
    this.handles.set(handle, { owner: peer, busNumber });
    return handle;
  }

  private async release(handle: number): Promise<void> {
    const opened = this.handles.get(handle)!;
    this.handles.delete(handle);
    const bus = this.buses.get(opened.busNumber)!;
    bus.users -= 1;
    if (bus.users === 0) {
      this.buses.delete(opened.busNumber);
      await bus.queue.then(() => bus.transport.close());
    }
  }

  /** One call, with buffers as bytes (see the class). */
  private async transfer(transport: I2cTransport, method: string, args: unknown[]): Promise<unknown> {
    const [address, a, b] = args as [number, unknown, unknown];
    switch (method) {
      case 'i2cRead': {
        const length = a as number;
        const { bytesRead, buffer } = await transport.i2cRead(address, length, Buffer.alloc(length));
        return new Uint8Array(buffer.subarray(0, bytesRead));
      }
      case 'i2cWrite': {
        const bytes = Buffer.from(a as Uint8Array);
        return (await transport.i2cWrite(address, bytes.length, bytes)).bytesWritten;
      }
      case 'readI2cBlock': {
        const length = b as number;
        const { bytesRead, buffer } = await transport.readI2cBlock(address, a as number, length, Buffer.alloc(length));
        return new Uint8Array(buffer.subarray(0, bytesRead));
      }
      case 'writeI2cBlock': {
        const bytes = Buffer.from(b as Uint8Array);
        return (await transport.writeI2cBlock(address, a as number, bytes.length, bytes)).bytesWritten;
      }
      case 'readByte':
      case 'readWord':
      case 'receiveByte':
      case 'sendByte':
      case 'writeByte':
      case 'writeWord':
      case 'writeQuick':
      case 'scan':
        return (transport[method] as (...callArgs: unknown[]) => Promise<unknown>).apply(transport, args);
      default:
        throw new RangeError(`i2c-bus has no method ${JSON.stringify(method)} that the hub forwards`);
    }
  }
}
