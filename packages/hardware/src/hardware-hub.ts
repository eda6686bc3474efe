import type { MessagePort } from 'node:worker_threads';
import { toWireError, type HubMessage, type HubRequest, type ServiceName } from './hub/messages.js';
import type { HardwareOptions } from './hardware-options.js';
import type { HubPeer, HubService } from './hub/service.js';
import { SyncSlot } from './hub/sync-slot.js';

/**
 * The hardware hub, in the main thread: the only place where the native
 * addons (serialport, i2c-bus, onoff, spi-device) are loaded, because they
 * cannot run in worker threads (see docs/hardware.md). Each service starts
 * at its first call; {@link HardwareHub.close} releases every device.
 */
export class HardwareHub {
  private readonly services = new Map<ServiceName, Promise<HubService>>();
  private closed = false;

  constructor(private readonly options: HardwareOptions = {}) {}

  /** Makes a peer's call and answers it (on the peer's sync slot for a sync call). */
  handle(peer: HubPeer, request: HubRequest): void {
    const answer = (ok: boolean, value: unknown): void => {
      if (request.sync) {
        if (ok) peer.slot?.answer(request.id, value);
        else peer.slot?.fail(request.id, value);
      } else {
        peer.send({ kind: 'reply', id: request.id, ok, value: ok ? value : toWireError(value) });
      }
    };
    if (this.closed) {
      answer(false, new Error(`${request.service}.${request.op}(): the hardware hub is closed (the run ended)`));
      return;
    }
    this.service(request.service)
      .then((service) => service.call(peer, request.op, request.args))
      .then(
        (value) => answer(true, value),
        (error: unknown) => answer(false, error),
      );
  }

  /**
   * Serves the calls that come on `port` (a thread of the user's own, or a
   * test's): hand the other end of the channel and the returned buffer to
   * {@link connectPort} in that thread.
   * @param name who calls, in error messages
   * @returns the buffer of the thread's sync slot
   */
  attachPort(port: MessagePort, name: string): SharedArrayBuffer {
    const buffer = SyncSlot.createBuffer();
    const peer: HubPeer = { name, slot: new SyncSlot(buffer), send: (message: HubMessage) => port.postMessage(message) };
    port.on('message', (message: HubRequest) => this.handle(peer, message));
    return buffer;
  }

  /** Releases every device of every service; the hub answers no call after this. */
  async close(): Promise<void> {
    this.closed = true;
    const services = await Promise.allSettled(this.services.values());
    this.services.clear();
    await Promise.all(services.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)));
  }

  private service(name: ServiceName): Promise<HubService> {
    let service = this.services.get(name);
    if (service === undefined) {
      service = this.startService(name);
      this.services.set(name, service);
    }
    return service;
  }

  /** Loads a service's module (and its addon) only when a Block first uses it. */
  private async startService(name: ServiceName): Promise<HubService> {
    switch (name) {
      case 'serial': {
        const { SerialService } = await import('./serial/serial-service.js');
        return new SerialService(this.options.serial?.simulate);
      }
      case 'i2c': {
        const { I2cService } = await import('./i2c/i2c-service.js');
        return new I2cService(this.options.i2c?.simulate);
      }
      case 'gpio': {
        const { GpioService } = await import('./gpio/gpio-service.js');
        return new GpioService(this.options.gpio?.simulate);
      }
      case 'modbus': {
        const serial = (await this.service('serial')) as import('./serial/serial-service.js').SerialService;
        const { ModbusService } = await import('./modbus/modbus-service.js');
        return new ModbusService((peer) => serial.localBinding(peer));
      }
      case 'spi': {
        const { SpiService } = await import('./spi/spi-service.js');
        return new SpiService(this.options.spi?.simulate);
      }
      default:
        throw new RangeError(`the hardware hub has no service ${JSON.stringify(name)}`);
    }
  }
}
