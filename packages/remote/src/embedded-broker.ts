import type { AddressInfo, Server } from 'node:net';
import type { Aedes } from 'aedes';

/**
 * An MQTT broker (aedes) listening on one address and port of this
 * process, for a run's ClientServer Blocks (and the benchmarks).
 */
export class EmbeddedBroker {
  private constructor(
    private readonly broker: Aedes,
    private readonly server: Server,
    /** The address it listens on. */
    readonly address: string,
    /** The port it listens on (the one chosen when 0 was asked). */
    readonly port: number,
  ) {}

  /**
   * Starts a broker listening on `address`:`port` (0: a free port).
   * @throws Error naming the address and port when it cannot listen (port in use...)
   */
  static async start(address: string, port: number): Promise<EmbeddedBroker> {
    const [{ Aedes }, { createServer }] = await Promise.all([import('aedes'), import('node:net')]);
    const broker = await Aedes.createBroker();
    const server = createServer(broker.handle);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'the port is in use (another broker? then set broker: false to use it)' : (error as Error).message;
      throw new Error(`ClientServer: cannot start the MQTT broker on ${address}:${port}: ${reason}`);
    }
    return new EmbeddedBroker(broker, server, address, (server.address() as AddressInfo).port);
  }

  /** Disconnects every client and stops listening. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.broker.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
