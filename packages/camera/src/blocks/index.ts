/**
 * The Camera Block (`crappy.blocks.Camera`).
 * @module
 */
export { Camera, type CameraBlockOptions, type CameraClass } from './camera-block.js';
