import type { BindingInterface, BindingPortInterface, OpenOptions, PortInfo, PortStatus, SetOptions, UpdateOptions } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' };
import { hubClient } from '../hub/current-client.js';
import type { HubClient } from '../hub/client.js';

/** The error a pending read gets when its port closes, as serialport expects (`canceled`). */
function canceled(): Error {
  return Object.assign(new Error('Canceled: the port was closed'), { canceled: true });
}

/**
 * One serial port opened in the hub, seen from a Block's thread: what the
 * hub reads arrives as `data` events and waits here for `read()`; the
 * other calls go to the hub.
 */
export class HubPortBinding implements BindingPortInterface {
  /** Whether the port is open. */
  isOpen = true;
  private readonly received: Buffer[] = [];
  private waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly client: HubClient,
    private readonly handle: number,
    /** The options the port was opened with, completed by the binding. */
    readonly openOptions: Required<OpenOptions>,
  ) {
    this.unsubscribe = client.subscribe('serial', handle, (event, args) => {
      if (event === 'data') this.received.push(Buffer.from(args[0] as Uint8Array));
      else if (event === 'error') this.failure = new Error(`serial port ${openOptions.path}: ${String(args[0])}`);
      const waiting = this.waiting;
      this.waiting = null;
      if (this.failure !== null) waiting?.reject(this.failure);
      else waiting?.resolve();
    });
  }

  /** Copies at least one received byte into `buffer`, waiting for some if none arrived yet. */
  async read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    while (this.received.length === 0) {
      if (!this.isOpen) throw canceled();
      if (this.failure !== null) throw this.failure;
      await new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
    }
    let bytesRead = 0;
    while (bytesRead < length && this.received.length > 0) {
      const chunk = this.received[0]!;
      const n = Math.min(chunk.length, length - bytesRead);
      chunk.copy(buffer, offset + bytesRead, 0, n);
      bytesRead += n;
      if (n === chunk.length) this.received.shift();
      else this.received[0] = chunk.subarray(n);
    }
    return { buffer, bytesRead };
  }

  /** Writes `buffer` to the port (resolves once the hub wrote it). */
  async write(buffer: Buffer): Promise<void> {
    await this.portCall('write', new Uint8Array(buffer));
  }

  /** Changes the baud rate. */
  async update(options: UpdateOptions): Promise<void> {
    await this.portCall('update', options);
  }

  /** Sets the control flags (brk, cts, dsr, dtr, rts). */
  async set(options: SetOptions): Promise<void> {
    await this.portCall('set', options);
  }

  /** Reads the control flags (cts, dsr, dcd). */
  get(): Promise<PortStatus> {
    return this.portCall('get') as Promise<PortStatus>;
  }

  /** Reads the baud rate. */
  getBaudRate(): Promise<{ baudRate: number }> {
    return this.portCall('getBaudRate') as Promise<{ baudRate: number }>;
  }

  /** Discards what the port received and did not send yet, here and in the hub. */
  async flush(): Promise<void> {
    this.received.length = 0;
    await this.portCall('flush');
  }

  /** Waits until the port sent everything written. */
  async drain(): Promise<void> {
    await this.portCall('drain');
  }

  /** Closes the port; a pending read ends with a canceled error. */
  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.unsubscribe();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(canceled());
    await this.client.call('serial', 'close', [this.handle]);
  }

  private portCall(op: string, ...args: unknown[]): Promise<unknown> {
    if (!this.isOpen) return Promise.reject(new Error(`serial port ${this.openOptions.path} is not open`));
    return this.client.call('serial', op, [this.handle, ...args]);
  }
}

/**
 * A serialport binding whose ports are opened by the hardware hub, for a
 * Block's thread: give it to `SerialPortStream` (`binding: HubBinding`) and
 * use serialport's stream and parsers as usual.
 */
export const HubBinding: BindingInterface<HubPortBinding> = {
  /** The machine's serial ports (never fails for want of `udevadm`). */
  async list(): Promise<PortInfo[]> {
    return (await hubClient().call('serial', 'list', [])) as PortInfo[];
  },
  /** Opens a port in the hub. */
  async open(options: OpenOptions): Promise<HubPortBinding> {
    const client = hubClient();
    const { handle, openOptions } = (await client.call('serial', 'open', [options])) as { handle: number; openOptions: Required<OpenOptions> };
    return new HubPortBinding(client, handle, openOptions);
  },
};
