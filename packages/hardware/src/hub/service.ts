import type { HubMessage, ServiceName } from './messages.js';
import type { SyncSlot } from './sync-slot.js';

/** One thread using the hub: a Block's worker, or a test's in-process client. */
export interface HubPeer {
  /** Who it is in error messages: the Block's name (e.g. `IOBlock`). */
  readonly name: string;
  /** Sends a reply or an event to the peer's thread. */
  send(message: HubMessage): void;
  /** Where the peer waits for its synchronous calls; `null` for an in-process client. */
  readonly slot: SyncSlot | null;
}

/** A service of the hub (serial, I2C, GPIO, SPI): devices opened by peers, by handle. */
export interface HubService {
  /** Makes `op` with `args` for `peer`; throws or rejects with what the device said. */
  call(peer: HubPeer, op: string, args: unknown[]): unknown;
  /** Releases every device of every peer; never throws. */
  close(): Promise<void>;
}

/** Sends `event` about the device `handle` of `service` to `peer`. */
export function sendEvent(peer: HubPeer, service: ServiceName, handle: number, event: string, args: unknown[]): void {
  peer.send({ kind: 'event', service, handle, event, args });
}
