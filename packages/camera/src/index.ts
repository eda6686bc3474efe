/**
 * `@crappy/camera`: the Cameras (`crappy.camera.X`), their settings, the
 * frame ring in shared memory, the helpers that read it (recording with
 * sharp, previews, image processing) and the main thread's handle on the
 * Camera Blocks for the camera panel. The Camera Block itself is
 * {@link blocks.Camera} (`crappy.blocks.Camera`, also `@crappy/camera/blocks`).
 * Importing this package (the `crappy` package does) registers the main
 * thread's side of the Camera Blocks with the runtime.
 * @module @crappy/camera
 */
/** The base of every Block (re-exported from `@crappy/core`, for the Camera Block's inherited members). */
export { Block } from '@crappy/core';
export * as blocks from './blocks/index.js';
export {
  Camera,
  RESERVED_SETTINGS,
  TRIGGER_CHOICES,
  type AnySetting,
  type Awaitable,
  type CameraFrame,
  type FrameMetadata,
  type SettingAccess,
} from './camera.js';
export { checkDtype, checkShape, cropImage, imageProblem, makeImage, type Image, type ImageDtype, type ImageShape } from './image.js';
export { CameraSetting, type SettingInfo, type SettingKind, type SettingLog } from './settings/camera-setting.js';
export { BoolSetting } from './settings/bool-setting.js';
export { ChoiceSetting } from './settings/choice-setting.js';
export { ScaleSetting } from './settings/scale-setting.js';
export { FakeCamera, type FakeCameraOptions } from './cameras/fake-camera.js';
export { FileReader, type FileReaderOptions } from './cameras/file-reader.js';
export { OpenCVCamera, OPENCV_INSTALL, type OpenCVCameraOptions } from './cameras/opencv-camera.js';
export { GeneratorCamera, type ImageGenerator } from './cameras/generator-camera.js';
export { FrameRing, timestampMetadata, METADATA_BYTES, type FrameInfo, type FrameRingOptions, type HeldFrame } from './ring/frame-ring.js';
export { CameraHelper } from './helpers/camera-helper.js';
export type { HelperSpec, HelperStats, OverlayItem } from './helpers/helper-messages.js';
export { encodeImage, readImageFile, FORMATS, type ImageFormat } from './record/image-files.js';
export { ImageRecorder, type RecorderOptions } from './record/image-recorder.js';
export { encodeNpy, decodeNpy } from './record/npy.js';
export { frameFileName, prepareSaveFolder, METADATA_FILE } from './record/save-folder.js';
export { panelFeed } from './panel/camera-feed.js';
export { cameras, CameraHandle, CameraHub, type CameraHandleEvents, type CameraHubEvents, type CameraPreview } from './panel/camera-hub.js';
