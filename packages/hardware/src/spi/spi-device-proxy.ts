import type { HubClient } from '../hub/client.js';
import { hubClient } from '../hub/current-client.js';
import type { SpiMessage, SpiOptions } from './spi-message.js';

/**
 * An SPI device opened by the hardware hub (spi-device in the main thread):
 * transfers in Promise and `*Sync` forms; each message's `receiveBuffer`
 * gets the bytes received.
 */
export class SpiDeviceProxy {
  private closed = false;

  private constructor(
    private readonly client: HubClient,
    private readonly handle: number,
    /** `'bus.device'`, e.g. `'0.0'` for /dev/spidev0.0. */
    readonly name: string,
  ) {}

  /** Opens /dev/spidev`bus`.`device` in the hub. */
  static async open(bus: number, device: number, options: SpiOptions = {}): Promise<SpiDeviceProxy> {
    const client = hubClient();
    return new SpiDeviceProxy(client, (await client.call('spi', 'open', [bus, device, options])) as number, `${bus}.${device}`);
  }

  /** Makes the transfer of `messages`; fills their `receiveBuffer`s. */
  async transfer(messages: SpiMessage[]): Promise<SpiMessage[]> {
    return fillReceived(messages, (await this.client.call('spi', 'transfer', [this.handle, toWire(messages)])) as Uint8Array[]);
  }

  /** {@link SpiDeviceProxy.transfer}, waiting. */
  transferSync(messages: SpiMessage[]): SpiMessage[] {
    return fillReceived(messages, this.client.callSync('spi', 'transfer', [this.handle, toWire(messages)]) as Uint8Array[]);
  }

  /** Sends `bytes` in one message and returns the bytes received meanwhile. */
  async exchange(bytes: ArrayLike<number>, speedHz?: number): Promise<Uint8Array> {
    const message: SpiMessage = { sendBuffer: Uint8Array.from(bytes), receiveBuffer: new Uint8Array(bytes.length), byteLength: bytes.length, ...(speedHz ? { speedHz } : {}) };
    await this.transfer([message]);
    return message.receiveBuffer!;
  }

  /** Releases the device. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.call('spi', 'close', [this.handle]);
  }
}

function toWire(messages: SpiMessage[]): SpiMessage[] {
  return messages.map(({ receiveBuffer: _ignored, ...message }) => ({ ...message, sendBuffer: message.sendBuffer === undefined ? undefined : new Uint8Array(message.sendBuffer) }));
}

function fillReceived(messages: SpiMessage[], received: Uint8Array[]): SpiMessage[] {
  messages.forEach((message, i) => message.receiveBuffer?.set(received[i]!));
  return messages;
}
