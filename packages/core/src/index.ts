/**
 * `@crappy/core`: the runtime of Crappy for TypeScript. Blocks loop in their
 * own worker threads, exchange messages over Links in shared memory, and are
 * orchestrated by {@link start}.
 * @module @crappy/core
 */

import './compat/block-class-api.js';

export { Block, type BlockOptions, type DataLists, type MaybePromise } from './block/block.js';
export { runBlock, START_TIMEOUT } from './block/run-block.js';
export * from './errors.js';
export { link } from './block/connect.js';
export { Link, type LinkEnd, type LinkOptions, type WhenFull } from './link/link.js';
export type { LinkValue, Message, TypedArray } from './message/message.js';
export type { RingStats } from './link/ring-buffer.js';
export { LogLevel, type LogLevelName } from './logging/levels.js';
export type { LogRecord } from './logging/log-record.js';
export { logFilePath } from './logging/log-sink.js';
export { Modifier, type ModifierLike, type ModifierResult } from './modifier/modifier.js';
export { Actuator } from './actuator/actuator.js';
export { InOut } from './inout/inout.js';
export { Path, type PathContext } from './path/path.js';
export { ClassRegistry } from './registry.js';
export { launch, prepare, renice, reset, start, stop } from './runtime/run-api.js';
export type { LaunchOptions, PrepareOptions, ReniceOptions, StartOptions } from './runtime/run-options.js';
export {
  onMainMessage,
  registerRunExtension,
  sendToMain,
  type ExtensionOptions,
  type RunContext,
  type RunExtension,
} from './runtime/extensions.js';
export { runState, type RunState } from './block/run-state.js';
export {
  events,
  type BlockErrorEvent,
  type LinkDropEvent,
  type RunEndEvent,
  type RunEventMap,
  type RunPhase,
} from './runtime/run-events.js';
export { isMainThread } from './runtime/worker-info.js';
export { Barrier } from './sync/barrier.js';
export { ControlBlock, type RunEventName } from './sync/control-block.js';
export { SharedEvent } from './sync/shared-event.js';
export { SharedValue } from './sync/shared-value.js';
export { systemClock, type Clock } from './time/clock.js';
export * as actuator from './actuator/index.js';
export * as blocks from './blocks/index.js';
export * as inout from './inout/index.js';
export * as modifier from './modifier/index.js';
export * as path from './path/index.js';
