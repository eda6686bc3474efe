import { MessageChannel } from 'node:worker_threads';
import type { HardwareHub } from './hardware-hub.js';
import { HubClient } from './hub/client.js';
import { setHubClient } from './hub/current-client.js';
import type { ClientMessage, HubMessage } from './hub/messages.js';
import type { HubPeer } from './hub/service.js';

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
  setHubClient(client);
  return () => {
    setHubClient(null, client);
    port1.close();
    port2.close();
  };
}

