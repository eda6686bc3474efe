import type { SerialPortStream } from '@serialport/stream';
import type { OpenOptions } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' };
import { HubBinding } from './hub-binding.js';

/** Options of {@link SerialConnection.open}: serialport's, with the port as `path`. */
export type SerialConnectionOptions = Omit<OpenOptions, 'path'> & { path: string };

/**
 * A serial port opened through the hardware hub, for drivers that talk to
 * an instrument by commands and answers: it gathers what arrives, and reads
 * lines or byte counts with a timeout (a device that stops answering gives
 * an error, never a hang). Errors name the device and the port.
 */
export class SerialConnection {
  private received: Buffer = Buffer.alloc(0);
  private wake: (() => void) | null = null;
  private failure: Error | null = null;

  private constructor(
    private readonly stream: SerialPortStream<typeof HubBinding>,
    /** Who talks, in error messages (the driver's name). */
    readonly device: string,
    /** The port's path. */
    readonly path: string,
  ) {
    stream.on('data', (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.notify();
    });
    stream.on('error', (error: Error) => {
      this.failure = error;
      this.notify();
    });
  }

  /**
   * Opens the port in the hub.
   * @param device the driver's name, for error messages
   * @throws Error naming the device and the port when it does not exist or is busy
   */
  static async open(device: string, options: SerialConnectionOptions): Promise<SerialConnection> {
    // Loaded here, by the Blocks that open a port: every other worker of the run is spared the module.
    const { SerialPortStream } = await import('@serialport/stream');
    const stream = new SerialPortStream<typeof HubBinding>({ ...options, binding: HubBinding, autoOpen: false });
    await new Promise<void>((resolve, reject) =>
      stream.open((error) => (error ? reject(new Error(`${device}: cannot open serial port ${options.path}: ${error.message.replace(/^Error: /, '')}`)) : resolve())),
    );
    return new SerialConnection(stream, device, options.path);
  }

  /** Writes `data` (a string is sent as latin1 bytes) and waits until the hub wrote it. */
  async write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
    await new Promise<void>((resolve, reject) =>
      this.stream.write(bytes, (error) => (error ? reject(new Error(`${this.device} on ${this.path}: write failed: ${error.message}`)) : resolve())),
    );
  }

  /**
   * Reads up to and including `terminator`.
   * @returns the text before the terminator (latin1)
   * @throws Error when it did not arrive within `timeoutMs`
   */
  async readUntil(terminator: string, timeoutMs: number): Promise<string> {
    const end = Buffer.from(terminator, 'latin1');
    const bytes = await this.take(() => {
      const at = this.received.indexOf(end);
      return at < 0 ? -1 : at + end.length;
    }, timeoutMs, `an answer ending with ${JSON.stringify(terminator)}`);
    return bytes.subarray(0, bytes.length - end.length).toString('latin1');
  }

  /**
   * Reads exactly `count` bytes.
   * @throws Error when they did not all arrive within `timeoutMs`
   */
  readBytes(count: number, timeoutMs: number): Promise<Buffer> {
    return this.take(() => (this.received.length >= count ? count : -1), timeoutMs, `${count} bytes`);
  }

  /** Forgets what arrived and was not read yet (serial's `reset_input_buffer`). */
  discardInput(): void {
    this.received = Buffer.alloc(0);
  }

  /**
   * Writes `command` and reads the answer up to `terminator`; the answer is
   * awaited while the hub confirms the write, not after.
   */
  async query(command: string, terminator: string, timeoutMs: number): Promise<string> {
    const [, answer] = await Promise.all([this.write(command), this.readUntil(terminator, timeoutMs)]);
    return answer;
  }

  /** Closes the port (never throws: called when a run ends). */
  async close(): Promise<void> {
    if (!this.stream.isOpen) return;
    await new Promise<void>((resolve) => this.stream.close(() => resolve()));
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Waits until `length()` finds a complete answer, then takes those bytes. */
  private async take(length: () => number, timeoutMs: number, what: string): Promise<Buffer> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.failure !== null) throw new Error(`${this.device} on ${this.path}: ${this.failure.message}`);
      const n = length();
      if (n >= 0) {
        const bytes = this.received.subarray(0, n);
        this.received = this.received.subarray(n);
        return bytes;
      }
      const left = deadline - performance.now();
      if (left <= 0) {
        throw new Error(`${this.device} on ${this.path}: the device did not answer in time: expected ${what} within ${timeoutMs} ms, got ${this.received.length} bytes`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
