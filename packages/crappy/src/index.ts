/**
 * `crappy`: Crappy for TypeScript. Create Blocks, wire them with
 * {@link link}, and `await start()`.
 *
 * @example
 * ```ts
 * import * as crappy from 'crappy';
 * class Counter extends crappy.Block { ... }
 * crappy.link(new Counter(), new Printer());
 * await crappy.start();
 * ```
 * @module crappy
 */

export * from '@crappy/core';
export * as blocks from './blocks.js';
export { DEFAULT_UI_PORT, isUiBlock, UiBlock, type PageEvent, type PanelConfig, type PanelUpdate, type UiAccessOptions, type UiOptions, type UiTlsOptions } from '@crappy/ui';
export * as camera from '@crappy/camera';
export { Camera, cameras, type CameraHandle } from '@crappy/camera';
export {
  isCameraPanelBlock,
  type CameraFeed,
  type CameraFrame,
  type CameraPanelBlock,
  type CameraPanelSettings,
  type CameraPanelValues,
  type CameraSettingInfo,
  type OverlayShape,
} from '@crappy/ui';
export { EmbeddedBroker, PayloadError, type ClientServerOptions, type ClientServerStats, type ClientServerTlsOptions, type TopicsSpec } from '@crappy/remote';
export * as hardware from '@crappy/hardware';
