import { createRequire } from 'node:module';
import type { BindingInterface } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' };
import type { HubPeer, HubService } from '../hub/service.js';
import { withTimeout } from '../hub/with-timeout.js';
import type { ModbusRtuOptions, ModbusTcpOptions } from './modbus-options.js';

const require = createRequire(import.meta.url);

/** What the service uses of modbus-serial's client. */
interface ModbusClient {
  connectRTUBuffered(path: string, options: Record<string, unknown>): Promise<void>;
  connectTCP(host: string, options: { port: number }): Promise<void>;
  setID(id: number): void;
  setTimeout(ms: number): void;
  close(callback: () => void): void;
  readonly isOpen: boolean;
  [method: string]: unknown;
}

/** The calls a Block may make, with the unit id first. */
const CALLS = new Set(['readHoldingRegisters', 'readInputRegisters', 'readCoils', 'readDiscreteInputs', 'writeRegister', 'writeRegisters', 'writeCoil', 'writeCoils']);
/** How long closing a connection may take (ms). */
const CLOSE_TIMEOUT_MS = 2000;

interface Connection {
  owner: HubPeer;
  where: string;
  client: ModbusClient;
  /** A connection makes one request at a time. */
  queue: Promise<unknown>;
}

/**
 * The hub's Modbus service: modbus-serial's client in the main thread
 * (loading it loads serialport's native binding, which a Block's thread
 * must not), over RTU on a serial port of the hub's serial service
 * (simulated ports included), or over TCP. Block calls take the unit id
 * first: `readHoldingRegisters(unit, address, count)`.
 */
export class ModbusService implements HubService {
  private readonly connections = new Map<number, Connection>();
  private nextHandle = 1;

  /** @param serialBinding the binding of the serial service's ports, for `peer` */
  constructor(private readonly serialBinding: (peer: HubPeer) => BindingInterface) {}

  /** Makes one call of a Block: `openRtu(options)`, `openTcp(options)`, `call(handle, method, args)` or `close(handle)`. */
  async call(peer: HubPeer, op: string, args: unknown[]): Promise<unknown> {
    if (op === 'openRtu') return this.openRtu(peer, args[0] as ModbusRtuOptions);
    if (op === 'openTcp') return this.openTcp(peer, args[0] as ModbusTcpOptions);
    const handle = args[0] as number;
    const connection = this.connections.get(handle);
    if (connection === undefined || connection.owner !== peer) throw new Error(`Modbus handle ${handle} is not open`);
    if (op === 'close') {
      this.connections.delete(handle);
      return closeClient(connection.client);
    }
    if (op !== 'call') throw new RangeError(`the Modbus service has no call ${JSON.stringify(op)}`);
    const method = args[1] as string;
    const [unit, ...callArgs] = args[2] as [number, ...unknown[]];
    if (!CALLS.has(method)) throw new RangeError(`the Modbus service does not forward ${JSON.stringify(method)}`);
    const run = async (): Promise<unknown> => {
      connection.client.setID(unit);
      try {
        const result = (await (connection.client[method] as (...a: unknown[]) => Promise<{ data?: unknown }>)(...callArgs)) ?? {};
        return result.data ?? null;
      } catch (error) {
        throw new Error(`Modbus ${connection.where}, unit ${unit}: ${method}() failed: ${(error as Error).message}`);
      }
    };
    const result = connection.queue.then(run, run);
    connection.queue = result.catch(() => undefined);
    return result;
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    const connections = [...this.connections.values()];
    this.connections.clear();
    await Promise.allSettled(connections.map((connection) => closeClient(connection.client)));
  }

  private async openRtu(peer: HubPeer, options: ModbusRtuOptions): Promise<number> {
    const client = newClient();
    const { path, timeoutMs, ...serial } = options;
    await client.connectRTUBuffered(path, { ...serial, binding: this.serialBinding(peer) }).catch((error: Error) => {
      throw new Error(`cannot open serial port ${path} for Modbus RTU: ${error.message.replace(/^Error: /, '')}`);
    });
    client.setTimeout(timeoutMs);
    return this.add(peer, `RTU on ${path}`, client);
  }

  private async openTcp(peer: HubPeer, options: ModbusTcpOptions): Promise<number> {
    const client = newClient();
    await withTimeout(client.connectTCP(options.host, { port: options.port }), options.timeoutMs, `connecting to ${options.host}:${options.port}`).catch((error: Error) => {
      throw new Error(`cannot connect to Modbus TCP ${options.host}:${options.port}: ${error.message}`);
    });
    client.setTimeout(options.timeoutMs);
    return this.add(peer, `TCP ${options.host}:${options.port}`, client);
  }

  private add(owner: HubPeer, where: string, client: ModbusClient): number {
    const handle = this.nextHandle++;
    this.connections.set(handle, { owner, where, client, queue: Promise.resolve() });
    return handle;
  }
}

function newClient(): ModbusClient {
  const ModbusRTU = require('modbus-serial') as new () => ModbusClient;
  return new ModbusRTU();
}

function closeClient(client: ModbusClient): Promise<void> {
  if (!client.isOpen) return Promise.resolve();
  return withTimeout(new Promise<void>((resolve) => client.close(() => resolve())), CLOSE_TIMEOUT_MS, 'closing a Modbus connection');
}
