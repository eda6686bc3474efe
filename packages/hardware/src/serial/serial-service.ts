import { createRequire } from 'node:module';
import type { BindingInterface, BindingPortInterface, OpenOptions, PortStatus, SetOptions, UpdateOptions } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' };
import type { HubPeer, HubService } from '../hub/service.js';
import { sendEvent } from '../hub/service.js';
import { withTimeout } from '../hub/with-timeout.js';
import { listPorts } from './list-ports.js';
import type { SerialDeviceModel } from './serial-device-model.js';

const require = createRequire(import.meta.url);

/** Bytes asked of the port at each read. */
const READ_SIZE = 65536;
/** How long closing one port may take at the end of a run (ms). */
const CLOSE_TIMEOUT_MS = 2000;

interface OpenPort {
  path: string;
  owner: HubPeer;
  port: BindingPortInterface;
}

/**
 * The hub's serial service: opens ports with serialport's native binding
 * (or its mock binding, with simulated instruments on given paths), reads
 * each open port continuously and sends what arrives to the Block that
 * opened it as `data` events, and makes the Block's other port calls.
 */
export class SerialService implements HubService {
  private readonly binding: BindingInterface;
  private readonly ports = new Map<number, OpenPort>();
  private nextHandle = 1;

  /** @param simulate instruments by port path: uses serialport's mock binding instead of the real ports */
  constructor(private readonly simulate?: Record<string, SerialDeviceModel>) {
    if (simulate === undefined) {
      const { autoDetect } = require('@serialport/bindings-cpp') as { autoDetect(): BindingInterface };
      this.binding = autoDetect();
    } else {
      const { MockBinding } = require('@serialport/binding-mock') as {
        MockBinding: BindingInterface & { reset(): void; createPort(path: string, options: { echo: boolean; record: boolean }): void };
      };
      MockBinding.reset();
      for (const path of Object.keys(simulate)) MockBinding.createPort(path, { echo: false, record: false });
      this.binding = MockBinding;
    }
  }

  /** Makes one call of a Block: `list`, `open`, or a port call by handle. */
  call(peer: HubPeer, op: string, args: unknown[]): Promise<unknown> {
    if (op === 'list') return listPorts(this.binding);
    if (op === 'open') return this.open(peer, args[0] as OpenOptions);
    const handle = args[0] as number;
    const open = this.ports.get(handle);
    if (open === undefined || open.owner !== peer) return Promise.reject(new Error(`serial port handle ${handle} is not open`));
    const { port } = open;
    switch (op) {
      case 'write':
        return port.write(Buffer.from(args[1] as Uint8Array));
      case 'update':
        return port.update(args[1] as UpdateOptions);
      case 'set':
        return port.set(args[1] as SetOptions);
      case 'get':
        return port.get() as Promise<PortStatus>;
      case 'getBaudRate':
        return port.getBaudRate();
      case 'flush':
        return port.flush();
      case 'drain':
        return port.drain();
      case 'close':
        return this.closePort(handle);
      default:
        return Promise.reject(new RangeError(`the serial service has no call ${JSON.stringify(op)}`));
    }
  }

  /**
   * A serialport binding for a library that runs in the main thread on
   * behalf of `peer` (modbus-serial): its ports are simulated like the
   * others, refused when busy, and closed with the hub.
   */
  localBinding(peer: HubPeer): BindingInterface {
    return {
      list: () => listPorts(this.binding),
      open: async (options: OpenOptions) => {
        this.checkFree(options.path);
        const port = await this.binding.open(options);
        const model = this.simulate?.[options.path];
        if (model !== undefined) this.connectModel(port, model);
        const handle = this.nextHandle++;
        this.ports.set(handle, { path: options.path, owner: peer, port });
        const close = port.close.bind(port);
        port.close = async () => {
          this.ports.delete(handle);
          if (port.isOpen) await close();
        };
        return port;
      },
    };
  }

  /** Closes every open port, each within a bound. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.ports.keys()].map((handle) => this.closePort(handle)));
  }

  /** @throws Error (code `EBUSY`) when a Block has the port open already */
  private checkFree(path: string): void {
    for (const other of this.ports.values()) {
      if (other.path === path) {
        throw Object.assign(new Error(`serial port ${path} is busy: already open by Block ${other.owner.name}`), { code: 'EBUSY' });
      }
    }
  }

  private async open(peer: HubPeer, options: OpenOptions): Promise<{ handle: number; openOptions: unknown }> {
    this.checkFree(options.path);
    const port = await this.binding.open(options);
    const model = this.simulate?.[options.path];
    if (model !== undefined) this.connectModel(port, model);
    const handle = this.nextHandle++;
    this.ports.set(handle, { path: options.path, owner: peer, port });
    void this.readLoop(handle, peer, port);
    return { handle, openOptions: port.openOptions };
  }

  /** Feeds what the driver writes on a mock port to the simulated instrument, and its answers back. */
  private connectModel(port: BindingPortInterface, model: SerialDeviceModel): void {
    const mock = port as BindingPortInterface & { emitData(data: Buffer): void };
    const write = port.write.bind(port);
    port.write = async (buffer: Buffer) => {
      await write(buffer);
      model.receive(new Uint8Array(buffer), (bytes) => {
        if (port.isOpen) mock.emitData(Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes));
      });
    };
  }

  /** Reads the port until it closes; sends what arrives, and a read error, to the Block. */
  private async readLoop(handle: number, peer: HubPeer, port: BindingPortInterface): Promise<void> {
    const buffer = Buffer.alloc(READ_SIZE);
    while (port.isOpen) {
      try {
        const { bytesRead } = await port.read(buffer, 0, READ_SIZE);
        if (bytesRead > 0) sendEvent(peer, 'serial', handle, 'data', [new Uint8Array(buffer.subarray(0, bytesRead))]);
      } catch (error) {
        if ((error as { canceled?: boolean }).canceled !== true && port.isOpen) {
          sendEvent(peer, 'serial', handle, 'error', [(error as Error).message]);
        }
        return;
      }
    }
  }

  private async closePort(handle: number): Promise<void> {
    const open = this.ports.get(handle);
    if (open === undefined) return;
    this.ports.delete(handle);
    if (open.port.isOpen) await withTimeout(open.port.close(), CLOSE_TIMEOUT_MS, `closing serial port ${open.path}`);
  }
}
