import { onMainMessage, registerRunExtension, sendToMain, type RunContext } from '@crappy/core';
import { HubClient } from './hub/client.js';
import { setHubClient } from './hub/current-client.js';
import { HardwareHub } from './hardware-hub.js';
import type { HardwareOptions } from './hardware-options.js';
import type { ClientMessage, HubMessage } from './hub/messages.js';
import type { HubPeer } from './hub/service.js';
import { SyncSlot } from './hub/sync-slot.js';

/** Name of the run extension, and of the messages between the Blocks and the hub. */
export const HARDWARE_CHANNEL = 'hardware';

/** The hub of the run under way, in the main thread; made at the first call of a Block. */
let hub: HardwareHub | null = null;
let peers: HubPeer[] = [];
let options: HardwareOptions = {};

function onPrepare(run: RunContext): void {
  if (run.options !== undefined && (typeof run.options !== 'object' || run.options === null)) {
    throw new TypeError('start(): the hardware option must be an object { serial, i2c, gpio, spi }');
  }
  options = (run.options ?? {}) as HardwareOptions;
  const slots = run.blocks.map(() => SyncSlot.createBuffer());
  peers = run.blocks.map((block, index) => ({
    name: block.name,
    slot: new SyncSlot(slots[index]!),
    send: (message: HubMessage) => run.post(index, message),
  }));
  run.workerData = slots;
}

function onMessage(blockIndex: number, data: unknown): void {
  const peer = peers[blockIndex];
  if (peer === undefined) return;
  hub ??= new HardwareHub(options);
  hub.handle(peer, data as ClientMessage);
}

/** In a Block's worker: connects the thread to the main thread's hub. */
function onWorker(_block: unknown, blockIndex: number, data: unknown): void {
  const slots = data as SharedArrayBuffer[] | undefined;
  const slot = slots?.[blockIndex];
  if (slot === undefined) return;
  const client = new HubClient(
    {
      post: (message) => sendToMain(HARDWARE_CHANNEL, message),
      listen: (handler) => onMainMessage(HARDWARE_CHANNEL, (message) => handler(message as HubMessage)),
    },
    new SyncSlot(slot),
  );
  setHubClient(client);
}

async function onCleanup(): Promise<void> {
  const current = hub;
  hub = null;
  peers = [];
  options = {};
  await current?.close();
}

registerRunExtension({ name: HARDWARE_CHANNEL, optionKey: 'hardware', onPrepare, onMessage, onWorker, onCleanup });
