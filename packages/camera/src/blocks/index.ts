/**
 * The Camera Block (`crappy.blocks.Camera`).
 * @module
 */
export { Camera, type CameraBlockOptions, type CameraRunReport, type CameraClass } from './camera-block.js';
