import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { SyncSlot } from './sync-slot.js';
import { HubClient } from './client.js';
import type { HardwareHub } from './hub.js';
import type { ClientMessage, HubMessage } from './messages.js';
import type { HubPeer } from './service.js';

let current: HubClient | null = null;

/**
 * This thread's connection to the hardware hub, as drivers use it.
 * @throws Error when the thread has none: outside a run's Block, connect one with {@link connectInProcess}
 */
export function hubClient(): HubClient {
  if (current === null) {
    throw new Error(
      'No hardware hub in this thread: hardware drivers run in a Block of a run started with crappy.start(), ' +
        'or, outside a run, after connectInProcess(new HardwareHub(...))',
    );
  }
  return current;
}

/** Makes `client` this thread's connection to the hub (`null` disconnects). @internal */
export function setHubClient(client: HubClient | null): void {
  current = client;
}

/**
 * Connects this thread to a hub running in this same thread, over a
 * `MessageChannel` (calls cross the event loop as they would between
 * threads): to use drivers outside a run, e.g. in a unit test. Synchronous
 * calls are not available this way.
 * @param name who the calls come from, in the hub's error messages
 * @returns a function that disconnects
 */
export function connectInProcess(hub: HardwareHub, name = 'main thread'): () => void {
  const { port1, port2 } = new MessageChannel();
  const peer: HubPeer = { name, slot: null, send: (message) => port1.postMessage(message) };
  port1.on('message', (message: ClientMessage) => hub.handle(peer, message));
  const client = new HubClient(
    {
      post: (message) => port2.postMessage(message),
      listen: (handler) => port2.on('message', (message: HubMessage) => handler(message)),
    },
    null,
  );
  current = client;
  return () => {
    if (current === client) current = null;
    port1.close();
    port2.close();
  };
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
