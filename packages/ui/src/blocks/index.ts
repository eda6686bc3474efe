/**
 * The UI Blocks: each one is a panel of the run's web page.
 * @module
 */
export { Button, type ButtonOptions } from './button.js';
export { Canvas, type CanvasItem, type CanvasOptions } from './canvas.js';
export { Dashboard, type DashboardOptions } from './dashboard.js';
export { Grapher, type GrapherOptions } from './grapher.js';
export { StopButton, type StopButtonOptions } from './stop-button.js';
