/**
 * Every Block of Crappy: those of `@crappy/core` (Generator, Machine,
 * Recorder...) and the UI Blocks of `@crappy/ui` (Grapher, Dashboard,
 * Button, StopButton, Canvas).
 * @module
 */
export * from '@crappy/core/blocks';
export * from '@crappy/ui/blocks';
