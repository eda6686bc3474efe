/**
 * `@crappy/ui`: the run's web page. When a run holds a UI Block (Grapher,
 * Dashboard, Button, StopButton, Canvas), the main thread serves one local
 * page for the run (`http://127.0.0.1:8050/?token=…` by default, printed at start)
 * with a panel per UI Block and the run panel (state, elapsed time, loop
 * rates, Link counts, Pause/Resume/Stop). Importing this package (the
 * `crappy` package does) registers it with the runtime.
 *
 * @example
 * ```ts
 * import * as crappy from 'crappy';
 * const graph = new crappy.blocks.Grapher([['t(s)', 'cmd']]);
 * crappy.link(new crappy.blocks.Generator([{ type: 'Sine', freq: 0.5, amplitude: 1, condition: 'delay=10' }]), graph);
 * await crappy.start({ ui: { port: 0, open: true } });
 * ```
 * @module @crappy/ui
 */
import './extension.js';
import type { UiOptions } from './ui-options.js';

/** The base of every Block (re-exported from `@crappy/core`, for {@link UiBlock}'s inherited members). */
export { Block } from '@crappy/core';
export { Button, type ButtonOptions } from './blocks/button.js';
export { Canvas, type CanvasItem, type CanvasOptions } from './blocks/canvas.js';
export { Dashboard, type DashboardOptions } from './blocks/dashboard.js';
export { Grapher, type GrapherOptions } from './blocks/grapher.js';
export { StopButton, type StopButtonOptions } from './blocks/stop-button.js';
export { DEFAULT_UI_PORT, type UiOptions } from './ui-options.js';
export type { UiAccessOptions, UiTlsOptions } from './security/access-options.js';
export { isUiBlock, UiBlock, type PageEvent, type PanelConfig, type PanelUpdate } from './ui-block.js';
export {
  isCameraPanelBlock,
  type CameraFeed,
  type CameraFrame,
  type CameraPanelBlock,
  type CameraPanelSettings,
  type CameraPanelValues,
  type CameraSettingInfo,
  type OverlayShape,
} from './camera/camera-feed.js';
export * as blocks from './blocks/index.js';

declare module '@crappy/core' {
  interface ExtensionOptions {
    /** The run's web page (only used when the run holds a UI Block). */
    ui?: UiOptions;
  }
}
