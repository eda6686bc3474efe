/**
 * How ClientServer Blocks learn of each other: each one publishes its state
 * on its own status topic, `<prefix>$peers/<id>`, as a retained message
 * (`online` once connected, an empty message to clear it when it ends
 * cleanly, after a non-retained `offline`), and leaves the broker a will,
 * `lost`, that the broker publishes if the connection dies without a goodbye.
 * @module
 */

/** The state a peer announces. */
export type PeerState = 'online' | 'offline' | 'lost';

/** A status message, as JSON. */
export interface PeerStatus {
  /** A readable name: host, process and Block. */
  peer: string;
  /** Its state. */
  state: PeerState;
  /** The topics it publishes. */
  publishes: string[];
  /** The topics it subscribes to. */
  subscribes: string[];
}

/** The level of the status topics under the prefix. */
const STATUS_LEVEL = '$peers';

/** The status topic of the peer `id`. */
export function statusTopic(prefix: string, id: string): string {
  return `${prefix}${STATUS_LEVEL}/${id}`;
}

/** The filter that receives every peer's status. */
export function statusFilter(prefix: string): string {
  return `${prefix}${STATUS_LEVEL}/+`;
}

/** Whether `topic` is a status topic under `prefix`. */
export function isStatusTopic(prefix: string, topic: string): boolean {
  return topic.startsWith(`${prefix}${STATUS_LEVEL}/`);
}

/** Reads a status message; `null` for an empty (cleared) one or anything unreadable. */
export function parseStatus(text: string): PeerStatus | null {
  if (text === '') return null;
  try {
    const status = JSON.parse(text) as Partial<PeerStatus>;
    const lists = Array.isArray(status.publishes) && Array.isArray(status.subscribes);
    if (typeof status.peer !== 'string' || !['online', 'offline', 'lost'].includes(status.state as string) || !lists) return null;
    return status as PeerStatus;
  } catch {
    return null;
  }
}

/** Whether `other` exchanges data with `self`: one publishes a topic the other subscribes to. */
export function exchangesWith(self: Pick<PeerStatus, 'publishes' | 'subscribes'>, other: PeerStatus): boolean {
  return other.publishes.some((topic) => self.subscribes.includes(topic)) || other.subscribes.some((topic) => self.publishes.includes(topic));
}
