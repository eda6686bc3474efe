import { Camera } from '../camera.js';
import { FakeCamera } from './fake-camera.js';
import { FileReader } from './file-reader.js';
import { OpenCVCamera } from './opencv-camera.js';

/**
 * Registers the Cameras of this package by class name, so that a Camera
 * Block finds them by name (`'FakeCamera'`).
 */
export function registerStandardCameras(): void {
  Camera.classes.register(FakeCamera);
  Camera.classes.register(FileReader);
  Camera.classes.register(OpenCVCamera);
}
