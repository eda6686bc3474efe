import type { MessagePort } from 'node:worker_threads';
import { SyncSlot } from './sync-slot.js';
import { HubClient } from './client.js';
import type { HubMessage } from './messages.js';

let current: HubClient | null = null;

/**
 * This thread's connection to the hardware hub, as drivers use it.
 * @throws Error when the thread has none: outside a run's Block, connect one with {@link connectInProcess}
 */
export function hubClient(): HubClient {
  if (current === null) {
    throw new Error(
      'No hardware hub in this thread: hardware drivers run in a Block of a run started with crappy.start(), ' +
        'or, outside a run, after connectInProcess(new HardwareHub(...)) or connectPort()',
    );
  }
  return current;
}

/**
 * Makes `client` this thread's connection to the hub; `null` disconnects
 * (only `previous`, when given, so as not to drop a newer connection).
 * @internal
 */
export function setHubClient(client: HubClient | null, previous?: HubClient): void {
  if (client === null && previous !== undefined && current !== previous) return;
  current = client;
}

/**
 * Connects this thread to a hub in another thread over `port`, whose other
 * end the hub serves with {@link HardwareHub.attachPort} (which gave
 * `slot`). A Block's worker needs none of this: the run connects it.
 */
export function connectPort(port: MessagePort, slot: SharedArrayBuffer): void {
  current = new HubClient(
    {
      post: (message) => port.postMessage(message),
      listen: (handler) => port.on('message', (message: HubMessage) => handler(message)),
    },
    new SyncSlot(slot),
  );
}
