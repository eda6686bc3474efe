import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Block, LogLevel, type DataLists, type Message } from '@crappy/core';
import { applyStandardOptions } from '@crappy/core/options';
import type { IClientOptions, MqttClient } from 'mqtt';
import { checkClientServerOptions, type CheckedOptions, type ClientServerOptions } from './client-server-options.js';
import { decodePayload, encodePayload, PayloadError, type Payload } from './payload.js';
import { exchangesWith, isStatusTopic, parseStatus, statusFilter, statusTopic, type PeerStatus } from './peer-status.js';
import { ReconnectBackoff } from './reconnect-backoff.js';

/** What a ClientServer did during its run, counted in its thread and handed to the main thread at the end. */
export interface ClientServerStats {
  /** Rows (one value per label of a topic) published. */
  sentRows: number;
  /** MQTT messages published (each carries the rows of one topic collected in one loop). */
  sentMessages: number;
  /** Rows received and sent on the output Links. */
  receivedRows: number;
  /** Rows not published: sent while the broker was unreachable (beyond the queue, with `whileDisconnected: 'queue'`). */
  droppedRows: number;
  /** Received messages dropped because their payload was not valid JSON or did not match their topic's labels. */
  badPayloads: number;
  /** Times the connection to the broker was lost and made again. */
  reconnections: number;
}

/** A message waiting for the broker to come back. */
interface Queued {
  topic: string;
  payload: string;
  rows: number;
}

/** Minimum time between two warnings of the same kind (dropped data, bad payloads), in seconds. */
const WARNING_PERIOD = 1;
/** Pause between two attempts to reach the broker during `prepare()`, in seconds. */
const CONNECT_RETRY = 0.25;
/** Longest wait for the goodbye to reach the broker in `finish()`, in ms. */
const GOODBYE_TIMEOUT_MS = 2000;
/** Most rows in one MQTT message: a longer batch goes out in several, so that no broker refuses a message for its size. */
const MAX_ROWS_PER_MESSAGE = 1000;
/** The time label. */
const TIME = 't(s)';

/**
 * Exchanges data with other Crappy runs, on this machine or others, over
 * MQTT: labels read from its input Links are published on topics
 * (`cmdLabels`), and the topics it subscribes to (`topics`) are sent on its
 * output Links. With `broker: true` the run hosts the broker itself (aedes,
 * in the main thread); otherwise any MQTT 3.1.1 or 5 broker (Mosquitto...)
 * at `address`:`port` serves.
 *
 * - Each group of labels is one topic, `<topicPrefix><label>,<label>...`;
 *   one message carries, as JSON, the rows of that group collected in one
 *   loop, and the sender's `t0`. Payloads are data, never code.
 * - A received `t(s)` (the sender's time since its own start) is shifted to
 *   this run's `t0`; a topic without `t(s)` gets the time of reception.
 * - The broker unreachable in `prepare()` fails the run before it starts;
 *   lost during the run, it is called again with a bounded back-off, and
 *   what is sent meanwhile is dropped and counted, or queued
 *   (`whileDisconnected`). A bad payload is logged, dropped and counted.
 * - A peer (another ClientServer exchanging topics with this one) that
 *   leaves is reported, and stops the run with `onPeerLost: 'stop'`.
 */
export class ClientServer extends Block {
  /** The checked options. */
  readonly settings: Readonly<CheckedOptions>;
  /** What the Block did; complete in the main thread once the run is over. */
  readonly stats: ClientServerStats = { sentRows: 0, sentMessages: 0, receivedRows: 0, droppedRows: 0, badPayloads: 0, reconnections: 0 };

  #brokerPort: number | null = null;
  #client: MqttClient | null = null;
  #closing = false;
  #id = '';
  #inbox: Array<{ group: string[]; payload: Payload }> = [];
  #last: Message = {};
  #queue: Queued[] = [];
  #peers = new Map<string, PeerStatus>();
  #backoff = new ReconnectBackoff();
  #reconnectTimer: NodeJS.Timeout | null = null;
  #warned = { dropped: -Infinity, bad: -Infinity };
  #droppedSinceLoss = 0;
  #goodbyeEchoed: (() => void) | null = null;

  /**
   * @param options the original's options (`broker`, `address`, `port`,
   *   `topics`, `cmdLabels`, `labelsToSend`, `initOutput`, `spam`, `freq`...)
   *   and the network ones
   * @throws TypeError / RangeError naming a wrong option
   */
  constructor(options?: ClientServerOptions) {
    super();
    const owner = 'ClientServer';
    this.settings = checkClientServerOptions(options, owner);
    applyStandardOptions(this, options ?? {}, 200, owner);
    for (const label of (this.settings.topics ?? []).flat()) {
      if (Object.hasOwn(this.settings.initOutput, label)) this.#last[label] = this.settings.initOutput[label] as Message[string];
    }
  }

  /** The address and port of the broker this Block starts, or `null` when it uses one already running. */
  get embeddedBroker(): { address: string; port: number } | null {
    return this.settings.broker ? { address: this.settings.address, port: this.settings.port } : null;
  }

  /**
   * Tells the Block the port its embedded broker listens on (the main
   * thread's choice when `port` is 0).
   * @internal
   */
  useEmbeddedBroker(port: number): void {
    this.#brokerPort = port;
  }

  /** The MQTT topic of a group of labels. */
  topicOf(labels: readonly string[]): string {
    return `${this.settings.topicPrefix}${labels.join(',')}`;
  }

  /** The topics this Block publishes (renamed by `labelsToSend`). */
  get publishedTopics(): string[] {
    return (this.settings.labelsToSend ?? this.settings.cmdLabels ?? []).map((group) => this.topicOf(group));
  }

  /** The topics this Block subscribes to. */
  get subscribedTopics(): string[] {
    return (this.settings.topics ?? []).map((group) => this.topicOf(group));
  }

  /**
   * Checks the Links, then connects to the broker, trying again until
   * `connectTimeout` has passed.
   * @throws Error when `topics` are given without output Link, `cmdLabels`
   *   without input Link, or when the broker cannot be reached
   */
  override async prepare(): Promise<void> {
    const { topics, cmdLabels } = this.settings;
    if (topics !== null && this.outputs.length === 0) throw new Error(`${this.name}: topics are given but the Block has no output Link`);
    if (cmdLabels !== null && this.inputs.length === 0) throw new Error(`${this.name}: cmdLabels are given but the Block has no input Link`);
    if (topics === null && cmdLabels === null) this.log(LogLevel.WARNING, 'Neither topics nor cmdLabels are given: this Block neither receives nor sends');
    this.#id = `crappy_${randomBytes(6).toString('hex')}`;
    const client = await this.connect();
    if (client === null) return;
    this.#client = client;
    client.on('message', (topic, payload) => this.onMessage(topic, payload.toString('utf8')));
    client.on('connect', () => this.onReconnect());
    client.on('close', () => this.onClose());
    await this.announce();
  }

  /** Sends what arrived since the last loop on the outputs, and publishes what the inputs brought. */
  override loop(): void {
    this.deliver();
    if (this.settings.cmdLabels !== null) this.publishFrom(this.recvAllDataRaw());
  }

  /** Publishes what the inputs still hold, says goodbye to the peers, disconnects, and reports the counts. */
  override async finish(): Promise<void> {
    const client = this.#client;
    this.#closing = true;
    if (this.#reconnectTimer !== null) clearTimeout(this.#reconnectTimer);
    if (client !== null) {
      if (this.settings.cmdLabels !== null && this.started()) this.publishFrom(this.recvAllDataRaw());
      if (client.connected) {
        const topic = statusTopic(this.settings.topicPrefix, this.#id);
        // Its own goodbye coming back means the broker handed it to every subscriber: an embedded
        // broker, closed once the run's Blocks are done, cannot then lose it.
        const echoed = new Promise<void>((resolve) => (this.#goodbyeEchoed = resolve));
        const goodbye = Promise.all([
          client.publishAsync(topic, this.status('offline'), { qos: 1 }),
          client.publishAsync(topic, '', { qos: 1, retain: true }),
          echoed,
        ]).then(() => client.endAsync());
        await withTimeout(goodbye, GOODBYE_TIMEOUT_MS);
      }
      client.end(true);
      this.#client = null;
    }
    const unsent = this.#queue.reduce((rows, queued) => rows + queued.rows, 0);
    if (unsent > 0) {
      this.#queue = [];
      this.stats.droppedRows += unsent;
      this.log(LogLevel.WARNING, `${unsent} queued rows were never sent: the broker was still unreachable at the end`);
    }
    const { sentRows, sentMessages, receivedRows, droppedRows, badPayloads, reconnections } = this.stats;
    const summary = `Sent ${sentRows} rows in ${sentMessages} messages, received ${receivedRows} rows; ${droppedRows} rows dropped while disconnected, ${badPayloads} bad payloads, ${reconnections} reconnections`;
    this.log(droppedRows > 0 || badPayloads > 0 ? LogLevel.WARNING : LogLevel.INFO, summary);
  }

  /** The counts, for the main thread's copy of the Block. */
  override runReport(): ClientServerStats {
    return { ...this.stats };
  }

  /** Takes the counts of the Block's thread. */
  override adoptRunReport(report: unknown): void {
    Object.assign(this.stats, report as ClientServerStats);
  }

  /** Whether the run has started (`t0` is set). */
  private started(): boolean {
    return (this.controlBlock?.t0.value ?? 0) > 0;
  }

  /** The broker's URL, for messages. */
  private get url(): string {
    const port = this.settings.broker ? this.#brokerPort : this.settings.port;
    return `${this.settings.tls === null ? 'mqtt' : 'mqtts'}://${this.settings.address}:${port}`;
  }

  /** Connects, trying again until `connectTimeout` has passed; `null` when the run stops meanwhile (Ctrl+C). */
  private async connect(): Promise<MqttClient | null> {
    const { settings } = this;
    if (settings.broker && this.#brokerPort === null) {
      throw new Error(`${this.name}: broker is true but no broker was started for it; is @crappy/remote loaded in the main thread?`);
    }
    const { connect } = await import('mqtt');
    const options: IClientOptions = {
      host: settings.address,
      port: settings.broker ? this.#brokerPort! : settings.port,
      protocol: settings.tls === null ? 'mqtt' : 'mqtts',
      protocolVersion: settings.protocolVersion,
      clientId: this.#id,
      clean: true,
      keepalive: 10,
      reconnectPeriod: 0,
      resubscribe: false,
      queueQoSZero: false,
      connectTimeout: settings.connectTimeout * 1000,
      will: { topic: statusTopic(settings.topicPrefix, this.#id), payload: Buffer.from(this.status('lost')), qos: 1, retain: true },
      ...(settings.username === null ? {} : { username: settings.username }),
      ...(settings.password === null ? {} : { password: settings.password }),
      ...(settings.tls ?? {}),
    };
    const deadline = this.clock.time() + settings.connectTimeout;
    this.log(LogLevel.INFO, `Connecting to the MQTT broker at ${this.url}`);
    for (;;) {
      const client = connect(options);
      const error = await new Promise<Error | null>((resolve) => {
        client.once('connect', () => resolve(null));
        client.once('error', (reason) => resolve(reason));
        client.once('close', () => resolve(new Error('connection closed')));
      });
      if (error === null) {
        client.on('error', (reason) => this.log(LogLevel.DEBUG, `MQTT: ${reason.message}`));
        await this.subscribe(client);
        this.log(LogLevel.INFO, `Connected to the MQTT broker at ${this.url}`);
        return client;
      }
      client.end(true);
      if (this.clock.time() + CONNECT_RETRY > deadline) {
        throw new Error(`${this.name}: cannot reach the MQTT broker at ${this.url} within ${settings.connectTimeout} s (connectTimeout): ${error.message}`);
      }
      await this.clock.sleep(CONNECT_RETRY);
      if (this.controlBlock?.stop.isSet() === true) return null;
    }
  }

  /** Subscribes to the data topics and the peers' status. */
  private async subscribe(client: MqttClient): Promise<void> {
    await client.subscribeAsync([...this.subscribedTopics, statusFilter(this.settings.topicPrefix)], { qos: 0 });
  }

  /** This Block's status message. */
  private status(state: PeerStatus['state']): string {
    const status: PeerStatus = { peer: `${hostname()}:${process.pid} ${this.name}`, state, publishes: this.publishedTopics, subscribes: this.subscribedTopics };
    return JSON.stringify(status);
  }

  /** Tells the peers this Block is online (retained, so that those that come later learn it too). */
  private async announce(): Promise<void> {
    await this.#client?.publishAsync(statusTopic(this.settings.topicPrefix, this.#id), this.status('online'), { qos: 1, retain: true });
  }

  /** A message from the broker: data for the outputs, or a peer's status. */
  private onMessage(topic: string, text: string): void {
    const prefix = this.settings.topicPrefix;
    if (isStatusTopic(prefix, topic)) {
      this.onStatus(topic.slice(topic.lastIndexOf('/') + 1), text);
      return;
    }
    const group = (this.settings.topics ?? []).find((labels) => this.topicOf(labels) === topic);
    if (group === undefined) return;
    try {
      this.#inbox.push({ group, payload: decodePayload(text, group) });
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      this.stats.badPayloads += 1;
      this.warnAtMostOnce('bad', `Dropped a message on ${topic}: ${error.message} (${this.stats.badPayloads} bad payloads so far)`);
    }
  }

  /** A peer's status: note who is online, report who left. */
  private onStatus(id: string, text: string): void {
    if (id === this.#id) {
      if (parseStatus(text)?.state === 'offline') this.#goodbyeEchoed?.();
      return;
    }
    const status = parseStatus(text);
    if (status === null) return;
    const self = { publishes: this.publishedTopics, subscribes: this.subscribedTopics };
    if (status.state === 'online') {
      if (!exchangesWith(self, status)) return;
      if (!this.#peers.has(id)) this.log(LogLevel.INFO, `Peer online: ${status.peer}`);
      this.#peers.set(id, status);
      return;
    }
    // Only a peer seen online in this run counts: a retained 'lost' may be an old run's.
    if (!this.#peers.delete(id)) return;
    if (this.stopping) {
      this.log(LogLevel.INFO, `Peer ended with the run: ${status.peer}`);
      return;
    }
    const how = status.state === 'lost' ? 'lost (its connection to the broker died)' : 'left (its run ended)';
    const then = this.settings.onPeerLost === 'stop' ? 'stopping the run (onPeerLost: stop)' : 'going on (onPeerLost: continue)';
    this.log(LogLevel.WARNING, `Peer ${how}: ${status.peer}; ${then}`);
    if (this.settings.onPeerLost === 'stop') this.stop();
  }

  /** The connection to the broker closed: unless the Block is ending, tries again after a back-off. */
  private onClose(): void {
    if (this.#closing) return;
    const delay = this.#backoff.next();
    if (this.#backoff.count === 1) {
      const meanwhile = this.settings.whileDisconnected === 'queue' ? `queued (up to ${this.settings.queueSize} messages)` : 'dropped and counted';
      this.log(LogLevel.WARNING, `Lost the MQTT broker at ${this.url}; trying again (waits from 0.1 s up to 5 s); data sent meanwhile is ${meanwhile}`);
    } else {
      this.log(LogLevel.DEBUG, `MQTT broker still unreachable; attempt ${this.#backoff.count} in ${delay} s`);
    }
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      if (!this.#closing) this.#client?.reconnect();
    }, delay * 1000);
  }

  /** Connected again: subscribes, announces itself, and sends what was queued. */
  private onReconnect(): void {
    if (this.#backoff.count === 0) return;
    this.#backoff.reset();
    this.stats.reconnections += 1;
    this.log(LogLevel.WARNING, `Reached the MQTT broker at ${this.url} again; ${this.#queue.length} queued messages to send, ${this.#droppedSinceLoss} rows dropped meanwhile`);
    this.#droppedSinceLoss = 0;
    const client = this.#client!;
    this.subscribe(client)
      .then(() => this.announce())
      .catch((error: Error) => this.log(LogLevel.WARNING, `Could not subscribe again: ${error.message}`));
    const queued = this.#queue;
    this.#queue = [];
    for (const { topic, payload, rows } of queued) this.publish(topic, payload, rows);
  }

  /** Sends every row received since the last loop, or the latest values with `spam`. */
  private deliver(): void {
    const inbox = this.#inbox;
    if (inbox.length === 0) {
      if (this.settings.spam) this.send({ ...this.#last, [TIME]: this.clock.time() - this.t0 });
      return;
    }
    this.#inbox = [];
    const t0 = this.t0;
    for (const { group, payload } of inbox) {
      const shift = payload.t0 - t0;
      const rows = payload.data[group[0]!]!.length;
      for (let i = 0; i < rows; i++) {
        const row: Message = {};
        for (const label of group) {
          const value = payload.data[label]![i]!;
          row[label] = label === payload.time ? (value as number) + shift : value;
        }
        Object.assign(this.#last, row);
        const out: Message = { ...this.#last };
        if (!group.includes(TIME)) out[TIME] = this.clock.time() - t0;
        this.send(out);
      }
      this.stats.receivedRows += rows;
    }
  }

  /** Publishes, for each group of `cmdLabels`, the columns of the first input Link that holds all its labels. */
  private publishFrom(chunks: DataLists[]): void {
    const { cmdLabels, labelsToSend } = this.settings;
    cmdLabels!.forEach((group, k) => {
      const chunk = chunks.find((lists) => group.every((label) => Object.hasOwn(lists, label)));
      if (chunk === undefined) return;
      const names = labelsToSend?.[k] ?? group;
      // Messages lacking one of the labels leave their column shorter: only whole rows are sent.
      const lengths = group.map((label) => chunk[label]!.length);
      const rows = Math.min(...lengths);
      const partial = Math.max(...lengths) - rows;
      if (partial > 0) this.dropped(partial, `${partial} rows of ${this.topicOf(names)} lacked some of its labels`);
      if (rows === 0) return;
      const timeIndex = group.indexOf(TIME);
      const time = timeIndex < 0 ? undefined : names[timeIndex];
      for (let start = 0; start < rows; start += MAX_ROWS_PER_MESSAGE) {
        const end = Math.min(rows, start + MAX_ROWS_PER_MESSAGE);
        const columns: Record<string, unknown[]> = {};
        group.forEach((label, i) => (columns[names[i]!] = chunk[label]!.slice(start, end)));
        this.publish(this.topicOf(names), encodePayload(this.t0, columns, time), end - start);
      }
    });
  }

  /** Publishes one message now, or queues or drops it while the broker is unreachable. */
  private publish(topic: string, payload: string, rows: number): void {
    const client = this.#client;
    if (client !== null && client.connected) {
      client.publish(topic, payload, { qos: 0 });
      this.stats.sentRows += rows;
      this.stats.sentMessages += 1;
    } else if (this.settings.whileDisconnected === 'queue' && this.#queue.length < this.settings.queueSize) {
      this.#queue.push({ topic, payload, rows });
    } else {
      this.dropped(rows, `${rows} rows for ${topic} while the broker is unreachable`);
    }
  }

  /** Counts dropped rows, with a warning at most once a second. */
  private dropped(rows: number, why: string): void {
    this.stats.droppedRows += rows;
    this.#droppedSinceLoss += rows;
    this.warnAtMostOnce('dropped', `Dropped ${why} (${this.stats.droppedRows} rows dropped so far)`);
  }

  /** Logs a warning unless one of the same kind was logged less than a second ago. */
  private warnAtMostOnce(kind: 'dropped' | 'bad', message: string): void {
    const now = this.clock.time();
    if (now - this.#warned[kind] < WARNING_PERIOD) return;
    this.#warned[kind] = now;
    this.log(LogLevel.WARNING, message);
  }
}

/** Waits for `promise`, at most `ms`; never rejects. */
async function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
