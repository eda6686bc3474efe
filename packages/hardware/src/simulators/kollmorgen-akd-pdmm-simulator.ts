import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { AKD_COILS, AKD_INPUTS, AKD_REGISTERS } from '../drivers/kollmorgen-akd-pdmm.js';
import { floatToRegisters, registersToFloat } from '../drivers/flow-controller-alicat.js';

const require = createRequire(import.meta.url);

/** modbus-serial's TCP server, as used here. */
interface ModbusServer {
  on(event: 'initialized' | 'serverError', listener: (error?: Error) => void): void;
  close(callback: () => void): void;
}

/**
 * A simulated Kollmorgen AKD PDMM for {@link KollmorgenAKDPDMM}: a Modbus
 * TCP server (modbus-serial's, in the main thread) on 127.0.0.1. An axis
 * reaches at once the position of an absolute move, and runs at the
 * velocity written, signed by the direction register.
 */
export class KollmorgenAKDPDMMSimulator {
  /** Holding registers, by address. */
  readonly holding = new Map<number, number>();
  /** Coils set, by address. */
  readonly coils = new Map<number, boolean>();
  /** The position each axis reached, by axis. */
  private readonly reached = new Map<number, number>();
  private server: ModbusServer | null = null;

  /** Starts the server on a free port of 127.0.0.1; returns the port. */
  async start(): Promise<number> {
    const port = await freePort();
    const ServerTCP = require('modbus-serial/servers/servertcp') as new (vector: object, options: object) => ModbusServer;
    const server = new ServerTCP(
      {
        getInputRegister: (address: number) => this.input(address),
        getHoldingRegister: (address: number) => this.holding.get(address) ?? 0,
        setRegister: (address: number, value: number) => void this.holding.set(address, value),
        getCoil: (address: number) => this.coils.get(address) ?? false,
        setCoil: (address: number, value: boolean) => this.setCoil(address, value),
      },
      { host: '127.0.0.1', port, unitID: 1 },
    );
    await new Promise<void>((resolve, reject) => {
      server.on('initialized', () => resolve());
      server.on('serverError', (error) => reject(error));
    });
    this.server = server;
    return port;
  }

  /** The state of `axis`: position reached, and signed velocity. */
  axis(axis: number): { position: number; speed: number } {
    const base = 10 * axis;
    const velocity = this.holding.get(base + AKD_REGISTERS.velocity) ?? 0;
    const backward = this.holding.get(base + AKD_REGISTERS.direction) === 1;
    return { position: this.reached.get(axis) ?? 0, speed: backward ? -velocity : velocity };
  }

  /** Stops the server. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private setCoil(address: number, value: boolean): void {
    this.coils.set(address, value);
    const axis = Math.floor(address / 10);
    if (address % 10 === AKD_COILS.moveAbs && value) {
      const register = 10 * axis + AKD_REGISTERS.position;
      this.reached.set(axis, registersToFloat(this.holding.get(register) ?? 0, this.holding.get(register + 1) ?? 0));
    }
  }

  private input(address: number): number {
    const axis = Math.floor(address / 10);
    const offset = address % 10;
    const { position, speed } = this.axis(axis);
    if (offset === AKD_INPUTS.actSpeed || offset === AKD_INPUTS.actSpeed + 1) return floatToRegisters(speed)[offset - AKD_INPUTS.actSpeed]!;
    if (offset === AKD_INPUTS.actPosition || offset === AKD_INPUTS.actPosition + 1) return floatToRegisters(position)[offset - AKD_INPUTS.actPosition]!;
    return 0;
  }
}

/** A TCP port free on 127.0.0.1 now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
