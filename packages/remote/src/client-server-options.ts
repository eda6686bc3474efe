/**
 * The options of the ClientServer Block and their checks.
 * @module
 */
import {
  booleanOption, checkOptions, labelOption, numberOption, objectOption, show, STANDARD_OPTIONS, type StandardBlockOptions,
} from '@crappy/core/options';

/**
 * Groups of labels, each group one MQTT topic: `['F(N)', ['t(s)', 'x(mm)']]`
 * is two topics, one label alone and two labels sent together.
 */
export type TopicsSpec = ReadonlyArray<string | readonly string[]>;

/** TLS settings handed to mqtt.js (and Node's `tls.connect`): PEM texts or Buffers. */
export interface ClientServerTlsOptions {
  /** Certificate(s) of the authorities that signed the broker's certificate. */
  ca?: string | Buffer | string[] | Buffer[];
  /** This client's certificate, for brokers that ask for one. */
  cert?: string | Buffer;
  /** This client's private key, with `cert`. */
  key?: string | Buffer;
  /** Refuse a broker whose certificate does not check (default true). */
  rejectUnauthorized?: boolean;
  /** The name the broker's certificate must hold, when it is not `address`. */
  servername?: string;
}

/** Options of the ClientServer Block, as the original's keyword arguments plus the network ones. */
export interface ClientServerOptions extends StandardBlockOptions {
  /** Start an embedded MQTT broker (aedes) in the main thread for the run, on `address`:`port` (default false). */
  broker?: boolean;
  /** Address of the broker (default `'127.0.0.1'`). */
  address?: string;
  /** Port of the broker (default 1883); with `broker: true`, 0 takes a free port. */
  port?: number;
  /** The topics received: each group of labels is one topic, sent on the Block's output Links. */
  topics?: TopicsSpec | null;
  /** The topics sent: each group of labels, read from the input Links, is published together. */
  cmdLabels?: TopicsSpec | null;
  /** New names of the labels of `cmdLabels` as they are published, group by group. */
  labelsToSend?: TopicsSpec | null;
  /** The value of each received label before one arrives (needed for every label with `spam`). */
  initOutput?: Record<string, unknown> | null;
  /** Send the latest values at every loop, even when nothing new arrived (default false). */
  spam?: boolean;
  /** What happens to data sent while the broker is unreachable: `'drop'` (default, counted) or `'queue'` (up to `queueSize` messages). */
  whileDisconnected?: 'drop' | 'queue';
  /** MQTT messages kept while disconnected with `whileDisconnected: 'queue'` (default 10 000); beyond, they are dropped and counted. */
  queueSize?: number;
  /** When a peer (another ClientServer on the same topics) leaves: `'continue'` (default, a warning) or `'stop'` the run. */
  onPeerLost?: 'continue' | 'stop';
  /** Seconds to keep trying to reach the broker in `prepare()` before failing (default 10). */
  connectTimeout?: number;
  /** Prefix of every topic (default `'crappy/'`). */
  topicPrefix?: string;
  /** User name given to the broker. */
  username?: string;
  /** Password given to the broker. */
  password?: string;
  /** Connect over TLS (`mqtts`) with these settings. */
  tls?: ClientServerTlsOptions | null;
  /** MQTT version: 4 (3.1.1, the default) or 5. */
  protocolVersion?: 4 | 5;
  /** Target loops per second (default 200, as the original). */
  freq?: number | null;
}

/** Every option's name, for the check of unknown keys. */
export const CLIENT_SERVER_OPTIONS = [
  'broker', 'address', 'port', 'topics', 'cmdLabels', 'labelsToSend', 'initOutput', 'spam', 'whileDisconnected',
  'queueSize', 'onPeerLost', 'connectTimeout', 'topicPrefix', 'username', 'password', 'tls', 'protocolVersion',
  ...STANDARD_OPTIONS,
];

/** Characters a label cannot hold, because they mean something in MQTT topics or in ours. */
const FORBIDDEN = /[+#,\u0000]/;

/**
 * Reads a topics option: each element a label or a non-empty list of labels.
 * @returns the groups, or `null` when not given
 * @throws TypeError naming `name`
 */
export function topicsOption(value: unknown, owner: string, name: string): string[][] | null {
  if (value === undefined || value === null) return null;
  const wrong = (): TypeError => new TypeError(`${owner}: ${name} must be an array of labels or of arrays of labels, got ${show(value)}`);
  if (!Array.isArray(value)) throw wrong();
  return value.map((group: unknown) => {
    const labels = typeof group === 'string' ? [group] : group;
    if (!Array.isArray(labels) || labels.length === 0 || labels.some((label) => typeof label !== 'string' || label === '')) throw wrong();
    for (const label of labels as string[]) {
      if (FORBIDDEN.test(label)) throw new TypeError(`${owner}: the label ${show(label)} of ${name} holds '+', '#', ',' or a NUL, which MQTT topics cannot carry`);
    }
    return [...(labels as string[])];
  });
}

/** The checked options of a ClientServer. */
export interface CheckedOptions {
  broker: boolean;
  address: string;
  port: number;
  topics: string[][] | null;
  cmdLabels: string[][] | null;
  labelsToSend: string[][] | null;
  initOutput: Record<string, unknown>;
  spam: boolean;
  whileDisconnected: 'drop' | 'queue';
  queueSize: number;
  onPeerLost: 'continue' | 'stop';
  connectTimeout: number;
  topicPrefix: string;
  username: string | null;
  password: string | null;
  tls: ClientServerTlsOptions | null;
  protocolVersion: 4 | 5;
}

/** Reads one of a few strings. */
function choice<T extends string | number>(value: unknown, fallback: T, allowed: readonly T[], owner: string, name: string): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new TypeError(`${owner}: ${name} must be ${allowed.map((a) => show(a)).join(' or ')}, got ${show(value)}`);
  return value as T;
}

/**
 * Checks the options of a ClientServer (not the standard ones).
 * @throws TypeError / RangeError naming the option
 */
export function checkClientServerOptions(options: ClientServerOptions | undefined, owner: string): CheckedOptions {
  const given = checkOptions(options, CLIENT_SERVER_OPTIONS, owner);
  const topics = topicsOption(given.topics, owner, 'topics');
  const cmdLabels = topicsOption(given.cmdLabels, owner, 'cmdLabels');
  const labelsToSend = topicsOption(given.labelsToSend, owner, 'labelsToSend');
  if (labelsToSend !== null) {
    if (cmdLabels === null) throw new TypeError(`${owner}: labelsToSend is given without cmdLabels`);
    const shape = (groups: string[][]): string => JSON.stringify(groups.map((group) => group.length));
    if (shape(labelsToSend) !== shape(cmdLabels)) {
      throw new TypeError(`${owner}: labelsToSend must have the shape of cmdLabels (one new name per label, group by group), got ${show(given.labelsToSend)} for ${show(given.cmdLabels)}`);
    }
  }
  const initOutput = given.initOutput === undefined || given.initOutput === null ? {} : { ...objectOption(given.initOutput, owner, 'initOutput') };
  const spam = booleanOption(given.spam, false, owner, 'spam');
  if (spam) {
    const missing = (topics ?? []).flat().filter((label) => !Object.hasOwn(initOutput, label));
    if (missing.length > 0) throw new TypeError(`${owner}: spam needs an initOutput value for every label of topics; missing: ${missing.join(', ')}`);
  }
  const tls = given.tls === undefined || given.tls === null ? null : (objectOption(given.tls, owner, 'tls') as ClientServerTlsOptions);
  const broker = booleanOption(given.broker, false, owner, 'broker');
  const port = numberOption(given.port, 1883, owner, 'port', { integer: true, min: 0, max: 65535 });
  if (port === 0 && !broker) throw new RangeError(`${owner}: port 0 (a free port) only works with broker: true, give the port of the broker`);
  const topicPrefix = labelOption(given.topicPrefix, 'crappy/', owner, 'topicPrefix', true);
  if (/[+#\u0000]/.test(topicPrefix)) throw new TypeError(`${owner}: topicPrefix must not hold '+', '#' or a NUL, got ${show(topicPrefix)}`);
  const secret = (key: 'username' | 'password'): string | null => (given[key] === undefined ? null : labelOption(given[key], undefined, owner, key, true));
  return {
    broker,
    address: labelOption(given.address, '127.0.0.1', owner, 'address'),
    port,
    topics,
    cmdLabels,
    labelsToSend,
    initOutput,
    spam,
    whileDisconnected: choice(given.whileDisconnected, 'drop', ['drop', 'queue'], owner, 'whileDisconnected'),
    queueSize: numberOption(given.queueSize, 10_000, owner, 'queueSize', { integer: true, min: 1 }),
    onPeerLost: choice(given.onPeerLost, 'continue', ['continue', 'stop'], owner, 'onPeerLost'),
    connectTimeout: numberOption(given.connectTimeout, 10, owner, 'connectTimeout', { min: 0, exclusive: true }),
    topicPrefix,
    username: secret('username'),
    password: secret('password'),
    tls,
    protocolVersion: choice<4 | 5>(given.protocolVersion, 4, [4, 5], owner, 'protocolVersion'),
  };
}
