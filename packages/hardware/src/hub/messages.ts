/** The services of the hardware hub. */
export type ServiceName = 'serial' | 'i2c' | 'gpio' | 'spi' | 'modbus';

/** A call from a Block's thread to the hub: `service.op(...args)`. */
export interface HubRequest {
  kind: 'request';
  /** Unique per client; the reply carries it back. */
  id: number;
  service: ServiceName;
  op: string;
  args: unknown[];
  /** The client waits on its sync slot: the hub answers there, not by message. */
  sync: boolean;
}

/** The hub's answer to a {@link HubRequest} made without `sync`. */
export interface HubReply {
  kind: 'reply';
  id: number;
  ok: boolean;
  /** The result when `ok`, else the error as a {@link WireError}. */
  value: unknown;
}

/** Something that happened on a device opened by a client (serial data, a GPIO edge, a port error). */
export interface HubEvent {
  kind: 'event';
  service: ServiceName;
  /** The handle the service returned when the device was opened. */
  handle: number;
  event: string;
  args: unknown[];
}

/** What a client sends to the hub. */
export type ClientMessage = HubRequest;
/** What the hub sends to a client. */
export type HubMessage = HubReply | HubEvent;

/** An error as it crosses threads: its class name, message and the fields serialport and Node use. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  errno?: number;
  canceled?: boolean;
}

/** Turns an error into a {@link WireError}. */
export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = error as Error & { code?: unknown; errno?: unknown; canceled?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.errno === 'number' ? { errno: fields.errno } : {}),
    ...(fields.canceled === true ? { canceled: true } : {}),
  };
}

/** Rebuilds an Error from a {@link WireError}, with its `code`, `errno` and `canceled`. */
export function fromWireError(wire: WireError): Error {
  const error = new Error(wire.message) as Error & { code?: string; errno?: number; canceled?: boolean };
  if (wire.name !== 'Error') error.name = wire.name;
  if (wire.code !== undefined) error.code = wire.code;
  if (wire.errno !== undefined) error.errno = wire.errno;
  if (wire.canceled !== undefined) error.canceled = wire.canceled;
  return error;
}
