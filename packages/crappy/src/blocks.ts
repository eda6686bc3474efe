/**
 * Every Block of Crappy: those of `@crappy/core` (Generator, Machine,
 * Recorder...), the UI Blocks of `@crappy/ui` (Grapher, Dashboard,
 * Button, StopButton, Canvas), the ClientServer of `@crappy/remote` and the
 * Camera Block of `@crappy/camera`.
 * @module
 */
export * from '@crappy/core/blocks';
export * from '@crappy/ui/blocks';
export * from '@crappy/remote/blocks';
export * from '@crappy/camera/blocks';
