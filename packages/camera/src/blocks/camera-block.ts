import {
  Block,
  CameraConfigError,
  CameraPrepareError,
  CameraRuntimeError,
  isMainThread,
  LogLevel,
  onMainMessage,
  runState,
  sendToMain,
  type Message,
} from '@crappy/core';
import { booleanOption, labelOption, numberOption, show, splitOptions, applyStandardOptions, type StandardBlockOptions } from '@crappy/core/options';
import { Camera as CameraBase, RESERVED_SETTINGS, type CameraFrame, type FrameMetadata } from '../camera.js';
import { GeneratorCamera, type ImageGenerator } from '../cameras/generator-camera.js';
import { registerStandardCameras } from '../cameras/standard-cameras.js';
import { OpenCVCamera } from '../cameras/opencv-camera.js';
import { checkDtype, checkShape, imageProblem, type Image, type ImageDtype, type ImageShape } from '../image.js';
import { HelperHost } from '../helpers/helper-host.js';
import type { HelperSpec, OverlayItem } from '../helpers/helper-messages.js';
import { FrameRing } from '../ring/frame-ring.js';
import { CAMERA_CHANNEL, type BlockToMain, type MainToBlock } from '../panel/camera-channel.js';
import type { CameraFeed } from '@crappy/ui';
import { panelFeed } from '../panel/camera-feed.js';
import { cameras } from '../panel/camera-hub.js';
import type { RecorderOptions } from '../record/image-recorder.js';
import { FORMATS } from '../record/image-files.js';

/** A Camera class, given to the Block instead of its name. */
export type CameraClass = new () => CameraBase;

/** Options of the {@link Camera} Block; any other key goes to the Camera's `open()` (its settings...). */
export interface CameraBlockOptions extends StandardBlockOptions {
  /** Applied to each image before it goes into the ring (a rotation, a crop...). */
  transform?: ((image: Image) => Image) | null;
  /** Hold the run before the test starts until the camera panel releases it (default true, as the original's config window). */
  config?: boolean;
  /** Make previews of the images for the camera panel, in a helper of its own (default false). */
  displayImages?: boolean;
  /** Previews per second (default 5). */
  displayerFramerate?: number;
  /** Take an image only when this label is received. */
  softwareTrigLabel?: string | null;
  /** Record the images (default false). */
  saveImages?: boolean;
  /** `tiff` (default), `tif`, `png` or `npy`. */
  imgExtension?: string;
  /** Where to record (default `Crappy_images`; a folder that already holds a recording gets a new `_00001` sibling). */
  saveFolder?: string | null;
  /** Record one image in this many (default 1). */
  savePeriod?: number;
  /** `false` (default): the camera waits for the recorder, no image is lost; `true`: the recorder takes the newest and counts the skipped. */
  dropFrames?: boolean;
  /** Threads that encode the images (default: the number of cores). */
  saveThreads?: number | null;
  /** Instead of a camera: makes an image from `Exx(%)` and `Eyy(%)` (received on the input Links). */
  imageGenerator?: ImageGenerator | null;
  /** The shape of the images (`[height, width]` or `[height, width, 3]`); default: asked of the camera. */
  imgShape?: ImageShape | null;
  /** The pixel type of the images; default: asked of the camera. */
  imgDtype?: ImageDtype | null;
  /** Slots of the frame ring (default 8). */
  ringSlots?: number;
  /** Any other option goes to the Camera's `open()`. */
  [cameraOption: string]: unknown;
}

registerStandardCameras();

/** What the Block's worker hands its main thread copy at the end of a run. */
export interface CameraRunReport {
  /** The folder the images were recorded in, `null` without recording. */
  savedFolder: string | null;
  /** The images recorded. */
  savedImages: number;
}

const OWN_OPTIONS = [
  'freq', 'displayFreq', 'debug', 'transform', 'config', 'displayImages', 'displayerFramerate', 'softwareTrigLabel', 'saveImages',
  'imgExtension', 'saveFolder', 'savePeriod', 'dropFrames', 'saveThreads', 'imageGenerator', 'imgShape', 'imgDtype', 'ringSlots',
] as const;

/** Longest wait for the helpers to end at the end of the run (ms); the runtime terminates a Block after 3.5 s. */
const HELPER_END_MS = 3000;

/**
 * The Camera Block: drives a Camera (by class name or class) and puts each
 * image into a frame ring in shared memory, where its helpers (the
 * recorder, the previews of the camera panel, image processing), each in a
 * worker of its own, read it in place.
 *
 * Each loop: with `softwareTrigLabel`, returns unless that label was
 * received; with an `imageGenerator`, takes `Exx(%)` and `Eyy(%)` from the
 * inputs; gets an image (none: nothing happens), stamps it (`t(s)` since
 * t0, the original's metadata for a timestamp), applies `transform`, checks
 * its shape and dtype, and writes it into the ring (waiting for the
 * recorder when `dropFrames` is false and it is behind).
 */
export class Camera extends Block {
  /** Marks the Block as having a panel on the run's web page (`@crappy/ui`'s `isUiBlock`). */
  static readonly uiPanel: boolean = true;
  /** Title of its panel on the page (default: the Block's name). */
  title: string | null = null;
  /** The Camera, once the Block's `prepare()` made it (in the Block's thread). */
  camera: CameraBase | null = null;
  /** The frame ring, once made in `prepare()`. */
  ring: FrameRing | null = null;
  /** Once the run ended (also in the main thread): the folder the images were recorded in, `null` without recording. */
  savedFolder: string | null = null;
  /** Once the run ended (also in the main thread): the images recorded. */
  savedImages = 0;
  /** Image processing to run in a helper of its own (set by the processing Blocks built on this one). */
  protected processor: HelperSpec | null = null;
  private readonly cameraType: string | CameraClass;
  private readonly transform: ((image: Image) => Image) | null;
  private readonly config: boolean;
  private readonly displayImages: boolean;
  private readonly displayerFramerate: number;
  private readonly trigLabel: string | null;
  private readonly saveImages: boolean;
  private readonly recorderOptions: RecorderOptions;
  private readonly imageGenerator: ImageGenerator | null;
  private readonly imgShape: ImageShape | null;
  private readonly imgDtype: ImageDtype | null;
  private readonly ringSlots: number;
  private readonly cameraOptions: Record<string, unknown>;
  private helpers: HelperHost[] = [];
  private loopCount = 0;
  private firstTestFrame = 0;
  private readonly requests: Extract<MainToBlock, { id: number }>[] = [];
  private stopListening: () => void = () => {};
  private released: (() => void) | null = null;
  private helperFailureThrown = false;

  /**
   * @param camera the Camera's class name (`'FakeCamera'`) or class
   * @param options the Block's options and the Camera's (see {@link CameraBlockOptions})
   * @throws TypeError / RangeError naming a wrong option
   */
  constructor(camera: string | CameraClass, options: CameraBlockOptions = {}) {
    super();
    const owner = 'Camera';
    const [own, others] = splitOptions(options, OWN_OPTIONS, owner);
    this.imageGenerator = (own.imageGenerator as ImageGenerator | null | undefined) ?? null;
    if (this.imageGenerator !== null && typeof this.imageGenerator !== 'function') throw new TypeError(`${owner}: imageGenerator must be a function (Exx, Eyy) => image, got ${show(own.imageGenerator)}`);
    if (this.imageGenerator === null && typeof camera !== 'function' && (typeof camera !== 'string' || camera === '')) {
      throw new TypeError(`${owner}: camera must be the name of a Camera class or the class itself, got ${show(camera)}`);
    }
    this.cameraType = camera;
    applyStandardOptions(this, own, 200, owner);
    this.niceness = -10;
    this.transform = (own.transform as ((image: Image) => Image) | null | undefined) ?? null;
    if (this.transform !== null && typeof this.transform !== 'function') throw new TypeError(`${owner}: transform must be a function, got ${show(own.transform)}`);
    this.config = booleanOption(own.config, true, owner, 'config');
    this.displayImages = booleanOption(own.displayImages, false, owner, 'displayImages');
    this.displayerFramerate = numberOption(own.displayerFramerate, 5, owner, 'displayerFramerate', { min: 0, exclusive: true });
    this.trigLabel = labelOption(own.softwareTrigLabel, null, owner, 'softwareTrigLabel');
    this.saveImages = booleanOption(own.saveImages, false, owner, 'saveImages');
    const extension = labelOption(own.imgExtension, 'tiff', owner, 'imgExtension');
    if (FORMATS[extension.toLowerCase()] === undefined) throw new RangeError(`${owner}: imgExtension must be one of ${Object.keys(FORMATS).join(', ')}, got ${show(extension)}`);
    const threads = own.saveThreads === undefined || own.saveThreads === null ? null : numberOption(own.saveThreads, undefined, owner, 'saveThreads', { min: 1, integer: true });
    this.recorderOptions = {
      folder: labelOption(own.saveFolder, null, owner, 'saveFolder'),
      extension,
      period: numberOption(own.savePeriod, 1, owner, 'savePeriod', { min: 1, integer: true }),
      dropFrames: booleanOption(own.dropFrames, false, owner, 'dropFrames'),
      sendMessages: false,
      threads,
    };
    this.imgShape = (own.imgShape as ImageShape | null | undefined) ?? null;
    if (this.imgShape !== null) checkShape(this.imgShape, `${owner}: imgShape`);
    this.imgDtype = (own.imgDtype as ImageDtype | null | undefined) ?? null;
    if (this.imgDtype !== null) checkDtype(this.imgDtype, `${owner}: imgDtype`);
    this.ringSlots = numberOption(own.ringSlots, 8, owner, 'ringSlots', { min: 2, integer: true });
    this.cameraOptions = others;
  }

  /** The Camera's name in messages. */
  private get cameraName(): string {
    if (this.imageGenerator !== null) return 'Image Generator';
    return typeof this.cameraType === 'string' ? this.cameraType : this.cameraType.name;
  }

  /**
   * Opens the camera, makes the frame ring, holds for the configuration
   * when `config` is on and a camera panel is there, then starts the helpers
   * and waits until they are ready.
   * @throws CameraPrepareError naming the Block and the cause
   */
  override async prepare(): Promise<void> {
    this.stopListening = onMainMessage(CAMERA_CHANNEL, (data) => this.onMainMessage(data as MainToBlock));
    const camera = this.makeCamera();
    this.camera = camera;
    camera.clock = this.clock;
    camera.logTo = (level, message) => this.log(level, message);
    try {
      this.log(LogLevel.INFO, `Opening the ${this.cameraName} Camera`);
      await camera.open(this.cameraOptions);
    } catch (error) {
      throw new CameraPrepareError(`${this.name}: the ${this.cameraName} Camera could not be opened: ${describe(error)}`);
    }
    const [shape, dtype] = await this.frameFormat(camera);
    this.ring = FrameRing.create({ slots: this.ringSlots, shape, dtype });
    this.announce();
    // Outside a run's worker (a Block driven in a test), no main thread can release the configuration.
    if (this.config && !isMainThread) await this.configure();
    if (camera.settings.has(RESERVED_SETTINGS.trigger) && camera.getSetting(RESERVED_SETTINGS.trigger) === 'Hdw after config') {
      this.log(LogLevel.INFO, 'Setting the trigger mode to Hardware');
      camera.setSetting(RESERVED_SETTINGS.trigger, 'Hardware');
    }
    this.firstTestFrame = this.ring.published;
    await this.startHelpers();
  }

  /** The Camera's class, when known. */
  private get cameraClass(): CameraClass | undefined {
    if (this.imageGenerator !== null) return undefined;
    return (typeof this.cameraType === 'string' ? CameraBase.classes.get(this.cameraType) : this.cameraType) as CameraClass | undefined;
  }

  /**
   * @u4/opencv4nodejs keeps its classes in process-wide statics: loaded in a
   * second thread, it breaks the first one (wrong values, then a fatal V8
   * error that aborts the process). One Camera Block of a run may use it.
   */
  private checkOneOpenCVThread(): void {
    const usesOpenCV = (block: unknown): boolean => {
      const cls = block instanceof Camera ? block.cameraClass : undefined;
      return cls !== undefined && (cls === OpenCVCamera || cls.prototype instanceof OpenCVCamera);
    };
    if (!usesOpenCV(this)) return;
    const users = runState.instances.filter(usesOpenCV).map((block) => block.name);
    if (users.length > 1) {
      throw new CameraPrepareError(
        `${this.name}: OpenCV (@u4/opencv4nodejs) works in one thread of a process only, and ${users.length} Camera Blocks of this run use an OpenCVCamera (${users.join(', ')}): keep one`,
      );
    }
  }

  private makeCamera(): CameraBase {
    if (this.imageGenerator !== null) return new GeneratorCamera(this.imageGenerator);
    this.checkOneOpenCVThread();
    const cls = this.cameraClass;
    if (cls === undefined) {
      throw new CameraPrepareError(
        `${this.name}: unknown Camera type ${show(this.cameraType)}; the known types are ${CameraBase.classes.names().sort().join(', ')} (a Camera defined in the script is known once registered with Camera.classes.register(MyCamera), or pass the class itself)`,
      );
    }
    try {
      return new (cls as CameraClass)();
    } catch (error) {
      throw new CameraPrepareError(`${this.name}: could not create the ${this.cameraName} Camera: ${describe(error)}`);
    }
  }

  /** The ring's frame size: the options, else what the camera says, else its first image. */
  private async frameFormat(camera: CameraBase): Promise<[ImageShape, ImageDtype]> {
    const known = camera.frameFormat();
    let shape = this.imgShape ?? known?.shape ?? null;
    let dtype = this.imgDtype ?? known?.dtype ?? null;
    if (shape !== null && dtype !== null) return [shape, dtype];
    this.log(LogLevel.DEBUG, 'Taking a first image to size the frame ring (it is not recorded)');
    let frame: CameraFrame | null = null;
    for (let attempt = 0; frame === null && attempt < 50; attempt += 1) frame = await camera.getImage();
    if (frame === null) throw new CameraPrepareError(`${this.name}: the ${this.cameraName} Camera returned no image to size the frame ring: give imgShape and imgDtype`);
    const image = this.checked(this.transform === null ? frame[1] : this.transform(frame[1]), CameraPrepareError);
    shape ??= image.shape;
    dtype ??= image.dtype;
    return [shape, dtype];
  }

  private announce(): void {
    const ring = this.ring!;
    const message: BlockToMain = {
      type: 'ring',
      buffer: ring.buffer,
      camera: this.cameraName,
      config: this.config,
      settings: this.camera!.describeSettings(),
    };
    sendToMain(CAMERA_CHANNEL, message);
  }

  /**
   * The configuration: frames go into the ring (the panel shows them, they
   * are not recorded) and the settings change live, until the main thread
   * releases the run (the camera panel's "start the test").
   */
  private async configure(): Promise<void> {
    const released = new Promise<void>((resolve) => (this.released = resolve));
    let done = false;
    void released.then(() => (done = true));
    this.log(LogLevel.INFO, 'Waiting for the configuration to end (the camera panel releases the test)');
    try {
      while (!done && !this.stopping && this.controlBlock?.barrier.broken !== true) {
        this.applyRequests();
        const frame = await this.camera!.getImage();
        if (frame !== null) await this.publish(frame, -1, NaN);
        await new Promise((resolve) => setTimeout(resolve, this.freq === null ? 1 : 1000 / this.freq));
      }
    } catch (error) {
      throw new CameraConfigError(`${this.name}: the configuration failed: ${describe(error)}`);
    }
    this.log(LogLevel.INFO, 'Camera configuration done');
  }

  private async startHelpers(): Promise<void> {
    const specs: HelperSpec[] = [];
    if (this.processor !== null) specs.push(this.processor);
    if (this.saveImages) specs.push(this.recorderSpec({ ...this.recorderOptions, sendMessages: this.processor === null && this.outputs.length > 0 }));
    if (this.displayImages) {
      specs.push({
        module: new URL('../helpers/preview-maker.js', import.meta.url).href,
        exportName: 'PreviewMaker',
        title: 'displayer',
        options: { framerate: this.displayerFramerate },
      });
    }
    if (specs.length === 0) this.log(LogLevel.WARNING, 'The Block acquires images but does not save them, nor display them, nor process them !');
    const events = {
      log: (level: number, message: string) => this.log(level, message),
      send: (data: Message) => this.send(data),
      overlay: (title: string, items: OverlayItem[]) => sendToMain(CAMERA_CHANNEL, { type: 'overlay', helper: title, items } satisfies BlockToMain),
      preview: (message: BlockToMain) => sendToMain(CAMERA_CHANNEL, message),
    };
    this.helpers = specs.map((spec) => new HelperHost(spec, { ring: this.ring!.buffer, firstFrame: this.firstTestFrame, blockName: this.name }, events));
    try {
      await Promise.all(this.helpers.map((helper) => helper.whenReady()));
    } catch (error) {
      this.helperFailureThrown = true;
      throw new CameraPrepareError(`${this.name}: ${describe(error).replace(/^Error: /, '')}`);
    }
  }

  /**
   * The recorder's helper: `ImageRecorder` (of `crappy.camera`) with the Block's options. A
   * subclass may return its own (a subclass of ImageRecorder in a module of
   * its own) to write images differently.
   */
  protected recorderSpec(options: RecorderOptions): HelperSpec {
    return { module: new URL('../record/image-recorder.js', import.meta.url).href, exportName: 'ImageRecorder', title: 'recorder', options };
  }

  /**
   * Takes one image and writes it into the ring.
   * @throws CameraRuntimeError naming the Block and the cause (a helper failed, a wrong image)
   */
  override async loop(): Promise<void> {
    this.checkHelpers();
    this.applyRequests();
    const data = this.recvLastData(false);
    if (this.trigLabel !== null && !(this.trigLabel in data)) return;
    if (this.trigLabel !== null) this.log(LogLevel.DEBUG, 'Software trigger signal received');
    if (this.camera instanceof GeneratorCamera) {
      if (typeof data['Exx(%)'] === 'number') this.camera.setSetting('Exx', data['Exx(%)']);
      if (typeof data['Eyy(%)'] === 'number') this.camera.setSetting('Eyy', data['Eyy(%)']);
    }
    const frame = await this.camera!.getImage();
    if (frame === null) return;
    await this.publish(frame, this.loopCount, this.t0);
    this.loopCount += 1;
  }

  /** Stamps, transforms, checks and writes a frame; `id` −1 and `t0` NaN while configuring. */
  private async publish(frame: CameraFrame, id: number, t0: number): Promise<void> {
    const [stamp, raw] = frame;
    const image = this.checked(this.transform === null ? raw : this.transform(raw), CameraRuntimeError);
    let metadata: FrameMetadata | null = null;
    let timestamp: number;
    if (typeof stamp === 'number') {
      timestamp = stamp;
    } else {
      metadata = { ...stamp };
      timestamp = typeof stamp['t(s)'] === 'number' ? stamp['t(s)'] : this.clock.time();
      metadata['t(s)'] = timestamp - t0;
      if (metadata.ImageUniqueID === undefined) metadata.ImageUniqueID = id;
    }
    const ring = this.ring!;
    for (;;) {
      let index: number;
      try {
        index = ring.tryWrite(image, { t: timestamp - t0, timestamp, id, metadata });
      } catch (error) {
        throw new CameraRuntimeError(`${this.name}: the ${this.cameraName} Camera returned an image that does not fit: ${describe(error)}`);
      }
      if (index >= 0) return;
      this.checkHelpers();
      await ring.waitForRelease(50);
    }
  }

  private checked(image: unknown, error: typeof CameraRuntimeError): Image {
    const problem = imageProblem(image);
    if (problem !== null) throw new error(`${this.name}: the ${this.cameraName} Camera returned a wrong image: ${problem}`);
    return image as Image;
  }

  private checkHelpers(): void {
    const failed = this.helpers.find((helper) => helper.failure !== null);
    if (failed === undefined) return;
    this.helperFailureThrown = true;
    throw new CameraRuntimeError(`${this.name}: ${failed.failure}`);
  }

  /**
   * Closes the camera and the ring; the helpers handle the frames left (the
   * recorder writes every frame taken), then end.
   * @throws CameraRuntimeError when a helper failed or did not end
   */
  override async finish(): Promise<void> {
    this.stopListening();
    this.released?.();
    let closeError: unknown = null;
    try {
      if (this.camera !== null) {
        this.log(LogLevel.INFO, `Closing the ${this.cameraName} Camera`);
        await this.camera.close();
      }
    } catch (error) {
      closeError = error;
    }
    this.ring?.close();
    await Promise.all(this.helpers.map((helper) => helper.end(HELPER_END_MS)));
    for (const helper of this.helpers) {
      if (helper.stats !== null && helper.stats.skipped > 0) this.log(LogLevel.WARNING, `The ${helper.spec.title} skipped ${helper.stats.skipped} frames (it was behind the camera)`);
    }
    if (closeError !== null) throw closeError;
    // A helper's failure already thrown by prepare() or loop() is not reported twice.
    if (!this.helperFailureThrown) this.checkHelpers();
  }

  /**
   * Its panel on the run's web page (called in the main thread): the camera
   * panel, when the images are shown (`displayImages`) or configured
   * (`config`); `null` otherwise.
   */
  panel(): { kind: string; title: string; settings: Record<string, unknown> } | null {
    if (!this.config && !this.displayImages) return null;
    return { kind: 'camera', title: this.title ?? this.name, settings: { framerate: this.displayerFramerate, draw: 'roi' } };
  }

  private feed: { handle: unknown; feed: CameraFeed } | null = null;

  /**
   * The feed of its frames for the page's camera panel (main thread), once
   * its worker made its frame ring; `null` before.
   */
  cameraFeed(): CameraFeed | null {
    const handle = cameras.get(this);
    if (handle === undefined) return null;
    if (this.feed?.handle !== handle) this.feed = { handle, feed: panelFeed(handle) };
    return this.feed.feed;
  }

  /** The recording's folder and count, for the main thread's copy of the Block. */
  override runReport(): CameraRunReport {
    const recorder = this.helpers.find((helper) => helper.spec.title === 'recorder');
    return { savedFolder: recorder?.stats?.folder ?? null, savedImages: recorder?.stats?.processed ?? 0 };
  }

  /** Takes in the recording's folder and count (in the main thread). */
  override adoptRunReport(report: CameraRunReport): void {
    this.savedFolder = report.savedFolder;
    this.savedImages = report.savedImages;
  }

  private onMainMessage(message: MainToBlock): void {
    if (message.type === 'release') this.released?.();
    else if (message.type === 'drawn') for (const helper of this.helpers) helper.post({ type: 'drawn', shapes: message.shapes });
    else this.requests.push(message);
  }

  /** Applies the setting changes asked by the main thread (between two images), and answers each. */
  private applyRequests(): void {
    while (this.requests.length > 0) {
      const request = this.requests.shift()!;
      let error: string | null = null;
      try {
        if (request.type === 'set') this.camera!.setSetting(request.name, request.value);
        else if (request.type === 'roi') {
          for (const [name, value] of [
            [RESERVED_SETTINGS.roiX, request.x], [RESERVED_SETTINGS.roiY, request.y],
            [RESERVED_SETTINGS.roiWidth, request.width], [RESERVED_SETTINGS.roiHeight, request.height],
          ] as const) this.camera!.setSetting(name, value);
        }
      } catch (caught) {
        error = describe(caught);
      }
      sendToMain(CAMERA_CHANNEL, { type: 'settings', id: request.id, settings: this.camera!.describeSettings(), error } satisfies BlockToMain);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
