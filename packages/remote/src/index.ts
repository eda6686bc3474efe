/**
 * `@crappy/remote`: the ClientServer Block, which exchanges data with other
 * Crappy runs (on this machine or others) over MQTT, through an embedded
 * broker that the run hosts in its main thread (`broker: true`) or any MQTT
 * broker. Importing this package (the `crappy` package does) registers the
 * embedded broker with the runtime.
 *
 * @example
 * ```ts
 * import * as crappy from 'crappy';
 * const remote = new crappy.blocks.ClientServer({ broker: true, cmdLabels: [['t(s)', 'F(N)']], topics: ['cmd'] });
 * ```
 * @module @crappy/remote
 */
import './broker-extension.js';

/** The base of every Block (re-exported from `@crappy/core`, for {@link ClientServer}'s inherited members). */
export { Block } from '@crappy/core';
export { ClientServer, type ClientServerStats } from './client-server.js';
export type { CheckedOptions, ClientServerOptions, ClientServerTlsOptions, TopicsSpec } from './client-server-options.js';
export { EmbeddedBroker } from './embedded-broker.js';
export { decodePayload, encodePayload, PayloadError, type Payload, type RemoteValue } from './payload.js';
export * as blocks from './blocks.js';
