import type { Message } from '@crappy/core';

/** What a helper can draw over the image in the camera panel. */
export type OverlayItem =
  | { readonly type: 'point'; readonly x: number; readonly y: number; readonly color?: string }
  | { readonly type: 'box'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly color?: string }
  | { readonly type: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly color?: string };

/** What a helper reports when it ends. */
export interface HelperStats {
  /** Frames it handled. */
  readonly processed: number;
  /** Frames published that it did not see (it was behind and took the newest). */
  readonly skipped: number;
  /** The recorder: the folder it wrote to. */
  readonly folder?: string;
}

/** Messages from a helper's worker to its Camera Block. @internal */
export type HelperMessage =
  | { type: 'ready' }
  | { type: 'log'; level: number; message: string }
  | { type: 'send'; data: Message }
  | { type: 'overlay'; items: OverlayItem[] }
  | { type: 'preview'; image: Uint8Array; width: number; height: number; index: number; metadata: Record<string, string | number | boolean | null>; histogram: number[] }
  | { type: 'done'; stats: HelperStats }
  | { type: 'error'; message: string };

/** Messages from a Camera Block to its helpers' workers. @internal */
export type HostMessage = { type: 'drawn'; shapes: unknown };

/**
 * Which helper a worker runs: the module to import (a URL) and the name of
 * the {@link CameraHelper} class it exports, with its options (anything
 * `postMessage` can copy).
 */
export interface HelperSpec {
  /** URL of the module (`new URL('./my-helper.js', import.meta.url).href`). */
  readonly module: string;
  /** The exported class, a subclass of {@link CameraHelper}. */
  readonly exportName: string;
  /** Passed to its constructor. */
  readonly options?: unknown;
  /** Its name in log messages and errors (`'recorder'`). */
  readonly title: string;
}

/** What a helper's worker gets as `workerData`. @internal */
export interface HelperWorkerData {
  spec: HelperSpec;
  ring: SharedArrayBuffer;
  firstFrame: number;
  blockName: string;
}
