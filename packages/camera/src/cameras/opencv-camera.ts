import { createRequire } from 'node:module';
import { LogLevel, ReaderStop } from '@crappy/core';
import { Camera, type CameraFrame } from '../camera.js';
import type { Image, ImageDtype, ImageShape } from '../image.js';

/** Options of {@link OpenCVCamera}, given as options of the Camera Block. */
export interface OpenCVCameraOptions {
  /** The device number (`0` for `/dev/video0`) or the path of a video file (default 0). */
  device?: number | string;
  /** Setting `channels`: `'1'` (gray, the default) or `'3'` (color, B, G, R). */
  channels?: '1' | '3';
}

/** What this camera uses of OpenCV's `VideoCapture` and `Mat`. */
interface OpenCVMat {
  readonly rows: number;
  readonly cols: number;
  readonly empty: boolean;
  cvtColor(code: number): OpenCVMat;
  getData(): Buffer;
}
interface OpenCVCapture {
  read(): OpenCVMat;
  get(property: number): number;
  release(): void;
}
/** What this camera uses of the OpenCV module. @internal */
export interface OpenCV {
  VideoCapture: new (device: number | string) => OpenCVCapture;
  COLOR_BGR2GRAY: number;
  CAP_PROP_FRAME_WIDTH: number;
  CAP_PROP_FRAME_HEIGHT: number;
}

/** What to install for OpenCV, in the error of a missing module. */
export const OPENCV_INSTALL =
  'apt-get install libopencv-dev, then OPENCV4NODEJS_DISABLE_AUTOBUILD=1 OPENCV_INCLUDE_DIR=$(pkg-config --variable=includedir opencv4) ' +
  'OPENCV_LIB_DIR=$(pkg-config --variable=libdir opencv4) OPENCV_BIN_DIR=/usr/bin npm install @u4/opencv4nodejs';

/**
 * Loads @u4/opencv4nodejs, an optional dependency, synchronously (its
 * CommonJS build) so that a Camera can fail at construction.
 * @param load the `require` to load it with (a test passes one that fails)
 * @throws Error saying what to install when it is missing or fails to load
 * @internal
 */
export function loadOpenCV(load: ((name: string) => unknown) & { resolve?: (name: string) => string } = createRequire(import.meta.url)): OpenCV {
  try {
    silenceBuildLogs(load);
    const module = load('@u4/opencv4nodejs') as OpenCV & { default?: OpenCV };
    return module.default ?? module;
  } catch (error) {
    throw new Error(`OpenCVCamera needs OpenCV through the package @u4/opencv4nodejs, which could not be loaded (${(error as Error).message.split('\n')[0]}). To install it: ${OPENCV_INSTALL}`);
  }
}

/**
 * Silences @u4/opencv-build, which @u4/opencv4nodejs asks where OpenCV is at
 * each load and which prints its findings on the standard output.
 */
function silenceBuildLogs(load: { resolve?: (name: string) => string }): void {
  if (load.resolve === undefined) return;
  try {
    const build = createRequire(load.resolve('@u4/opencv4nodejs'))('@u4/opencv-build') as { Log?: { silence: boolean } };
    if (build.Log !== undefined) build.Log.silence = true;
  } catch {
    // Not there: loading OpenCV itself then says what is missing.
  }
}

/**
 * A camera, or a video file, read through OpenCV's `VideoCapture` (the
 * original's CameraOpencv). Its setting `channels` gives gray (`'1'`) or
 * color (`'3'`, B, G, R) 8-bit images; a software ROI crops them. A video
 * file ends the run cleanly at its end ({@link ReaderStop}).
 *
 * OpenCV is an optional dependency (see {@link OPENCV_INSTALL}); without
 * it, creating an OpenCVCamera throws an error that says what to install.
 */
export class OpenCVCamera extends Camera {
  private readonly cv: OpenCV;
  private capture: OpenCVCapture | null = null;
  private fromFile = false;
  private shape: [number, number] = [0, 0];
  /** The first image read by `open()`, returned by the first `getImage()`. */
  private pending: OpenCVMat | null = null;

  /** @throws Error saying what to install when OpenCV cannot be loaded */
  constructor() {
    super();
    this.cv = loadOpenCV();
    this.addChoiceSetting('channels', ['1', '3'], { default: '1' });
  }

  /** @throws Error naming the device or file when it cannot be opened */
  override open(options: Record<string, unknown>): void {
    const { device = 0, ...settings } = options as OpenCVCameraOptions & Record<string, unknown>;
    if (typeof device !== 'number' && typeof device !== 'string') throw new TypeError(`OpenCVCamera: device must be a device number or a video file's path, got ${JSON.stringify(device)}`);
    const capture = new this.cv.VideoCapture(device);
    const first = capture.read();
    if (first.empty) {
      capture.release();
      throw new Error(`OpenCVCamera: cannot read images from ${typeof device === 'number' ? `the device ${device}` : `the file ${device}`}`);
    }
    this.capture = capture;
    this.fromFile = typeof device === 'string';
    this.shape = [first.rows, first.cols];
    this.pending = first;
    this.addSoftwareRoi(first.cols, first.rows);
    this.setAll(settings);
    this.log(LogLevel.INFO, `Reading ${first.cols} x ${first.rows} images from ${String(device)}`);
  }

  override frameFormat(): { shape: ImageShape; dtype: ImageDtype } {
    return { shape: this.getSetting('channels') === '3' ? [...this.shape, 3] : this.shape, dtype: 'uint8' };
  }

  getImage(): CameraFrame | null {
    const mat = this.pending ?? this.capture!.read();
    this.pending = null;
    const t = this.clock.time();
    if (mat.empty) {
      if (this.fromFile) throw new ReaderStop('OpenCVCamera: end of the video file');
      return null;
    }
    const color = this.getSetting('channels') === '3';
    const converted = color ? mat : mat.cvtColor(this.cv.COLOR_BGR2GRAY);
    const bytes = converted.getData();
    const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const image: Image = { data, shape: color ? [mat.rows, mat.cols, 3] : [mat.rows, mat.cols], dtype: 'uint8' };
    const cropped = this.applySoftRoi(image);
    return cropped === null ? null : [t, cropped];
  }

  override close(): void {
    this.capture?.release();
    this.capture = null;
  }
}
