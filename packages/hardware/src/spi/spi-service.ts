import { createRequire } from 'node:module';
import type { HubPeer, HubService } from '../hub/service.js';
import type { SpiDeviceModel } from './spi-device-model.js';
import type { SpiMessage, SpiOptions } from './spi-message.js';

const require = createRequire(import.meta.url);

/** What the service needs of an open device: spi-device's `SpiDevice` with callbacks. */
interface SpiTransport {
  transfer(messages: SpiMessage[], callback: (error: Error | null, messages: SpiMessage[]) => void): void;
  close(callback: (error: Error | null) => void): void;
}

/**
 * The hub's SPI service: opens `/dev/spidevB.D` with spi-device (or a
 * simulated device) for one Block, and makes its transfers; the bytes
 * received come back as arrays, one per message.
 */
export class SpiService implements HubService {
  private readonly devices = new Map<number, { owner: HubPeer; name: string; transport: SpiTransport }>();
  private nextHandle = 1;

  /** @param simulate devices by `'bus.device'` */
  constructor(private readonly simulate?: Record<string, SpiDeviceModel>) {}

  /** Makes one call of a Block: `open(bus, device, options)`, `transfer(handle, messages)` or `close(handle)`. */
  async call(peer: HubPeer, op: string, args: unknown[]): Promise<unknown> {
    if (op === 'open') return this.open(peer, args[0] as number, args[1] as number, (args[2] ?? {}) as SpiOptions);
    const handle = args[0] as number;
    const device = this.devices.get(handle);
    if (device === undefined || device.owner !== peer) throw new Error(`SPI handle ${handle} is not open`);
    if (op === 'close') {
      this.devices.delete(handle);
      return closeTransport(device.transport);
    }
    if (op !== 'transfer') throw new RangeError(`the SPI service has no call ${JSON.stringify(op)}`);
    const messages = (args[1] as SpiMessage[]).map((message) => ({
      ...message,
      sendBuffer: message.sendBuffer === undefined ? undefined : Buffer.from(message.sendBuffer),
      receiveBuffer: Buffer.alloc(message.byteLength),
    }));
    await new Promise<void>((resolve, reject) =>
      device.transport.transfer(messages, (error) => (error ? reject(new Error(`SPI ${device.name}: transfer failed: ${error.message}`)) : resolve())),
    );
    return messages.map((message) => new Uint8Array(message.receiveBuffer));
  }

  /** Closes every device. */
  async close(): Promise<void> {
    const devices = [...this.devices.values()];
    this.devices.clear();
    await Promise.allSettled(devices.map((device) => closeTransport(device.transport)));
  }

  private async open(peer: HubPeer, bus: number, device: number, options: SpiOptions): Promise<number> {
    const name = `${bus}.${device}`;
    for (const other of this.devices.values()) {
      if (other.name === name) throw Object.assign(new Error(`SPI device ${name} is busy: already open by Block ${other.owner.name}`), { code: 'EBUSY' });
    }
    let transport: SpiTransport;
    if (this.simulate !== undefined) {
      const model = this.simulate[name];
      if (model === undefined) throw new Error(`SPI device ${name} is not simulated (simulated: ${Object.keys(this.simulate).join(', ') || 'none'})`);
      transport = simulatedTransport(model);
    } else {
      const spi = require('spi-device') as { open(bus: number, device: number, options: SpiOptions, callback: (error: Error | null) => void): SpiTransport };
      transport = await new Promise((resolve, reject) => {
        const opened = spi.open(bus, device, options, (error) =>
          error ? reject(Object.assign(new Error(`cannot open SPI device /dev/spidev${name}: ${error.message}`), { code: (error as { code?: string }).code })) : resolve(opened),
        );
      });
    }
    const handle = this.nextHandle++;
    this.devices.set(handle, { owner: peer, name, transport });
    return handle;
  }
}

function closeTransport(transport: SpiTransport): Promise<void> {
  return new Promise((resolve) => transport.close(() => resolve()));
}

/** A simulated device behind spi-device's callback interface. */
function simulatedTransport(model: SpiDeviceModel): SpiTransport {
  return {
    transfer(messages, callback) {
      try {
        for (const message of messages) {
          const sent = message.sendBuffer ?? new Uint8Array(message.byteLength);
          message.receiveBuffer?.set(model.transfer(new Uint8Array(sent.subarray(0, message.byteLength))).subarray(0, message.byteLength));
        }
        callback(null, messages);
      } catch (error) {
        callback(error as Error, messages);
      }
    },
    close: (callback) => callback(null),
  };
}
