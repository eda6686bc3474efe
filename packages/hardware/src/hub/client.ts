import { fromWireError, type ClientMessage, type HubEvent, type HubMessage, type ServiceName, type WireError } from './messages.js';
import type { SyncSlot } from './sync-slot.js';

/** How a client reaches the hub: the Block worker's port to the main thread, or a test's MessageChannel. */
export interface HubChannel {
  /** Sends a call to the hub. */
  post(message: ClientMessage): void;
  /** Calls `handler` with each reply and event of the hub. */
  listen(handler: (message: HubMessage) => void): void;
}

/** Receives the events of one opened device. */
export type HubEventListener = (event: string, args: unknown[]) => void;

/** How long a synchronous call waits for the hub before it throws (ms). */
export const SYNC_TIMEOUT_MS = 5000;

/**
 * A thread's connection to the hardware hub: calls (as Promises, or
 * synchronous on the thread's {@link SyncSlot}) and the events of the
 * devices the thread opened.
 */
export class HubClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Map<string, HubEventListener>();

  /**
   * @param channel the way to the hub
   * @param slot where synchronous calls are answered; `null` when the hub
   *   runs in this same thread, where a synchronous call cannot wait
   */
  constructor(
    private readonly channel: HubChannel,
    private readonly slot: SyncSlot | null,
  ) {
    channel.listen((message) => this.receive(message));
  }

  /** Calls `service.op(...args)` in the hub. */
  call(service: ServiceName, op: string, args: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.channel.post({ kind: 'request', id, service, op, args, sync: false });
    });
  }

  /**
   * Calls `service.op(...args)` in the hub and sleeps until it answered, at
   * most `timeoutMs`.
   * @throws Error in a thread without a sync slot (where the hub runs), or when the hub did not answer in time
   */
  callSync(service: ServiceName, op: string, args: unknown[], timeoutMs = SYNC_TIMEOUT_MS): unknown {
    if (this.slot === null) {
      throw new Error(`${service}.${op}Sync(): synchronous calls need the hardware hub in another thread (a Block's worker); use the Promise form here`);
    }
    const id = this.nextId++;
    this.slot.arm();
    this.channel.post({ kind: 'request', id, service, op, args, sync: true });
    return this.slot.wait(id, timeoutMs, `${service}.${op}Sync()`);
  }

  /** Listens to the events of device `handle` of `service`; returns the function that stops listening. */
  subscribe(service: ServiceName, handle: number, listener: HubEventListener): () => void {
    const key = `${service}:${handle}`;
    this.listeners.set(key, listener);
    return () => {
      if (this.listeners.get(key) === listener) this.listeners.delete(key);
    };
  }

  private receive(message: HubMessage): void {
    if (message.kind === 'event') {
      this.dispatch(message);
      return;
    }
    const call = this.pending.get(message.id);
    if (call === undefined) return;
    this.pending.delete(message.id);
    if (message.ok) call.resolve(message.value);
    else call.reject(fromWireError(message.value as WireError));
  }

  private dispatch(event: HubEvent): void {
    this.listeners.get(`${event.service}:${event.handle}`)?.(event.event, event.args);
  }
}
