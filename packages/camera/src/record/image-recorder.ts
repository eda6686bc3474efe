import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { LogLevel } from '@crappy/core';
import type Tinypool from 'tinypool';
import { CameraHelper } from '../helpers/camera-helper.js';
import type { FrameRing, HeldFrame } from '../ring/frame-ring.js';
import type { MessagePort } from 'node:worker_threads';
import type { HelperStats } from '../helpers/helper-messages.js';
import type { EncodeTask } from './encode-task.js';
import { FORMATS, type ImageFormat } from './image-files.js';
import { MetadataCsv } from './metadata-csv.js';
import { frameFileName, METADATA_FILE, prepareSaveFolder } from './save-folder.js';

/** Options of the recorder, set from the Camera Block's options. */
export interface RecorderOptions {
  /** The folder (the original's rule applies: see `prepareSaveFolder`); `null` for `Crappy_images`. */
  folder: string | null;
  /** The file extension: `tiff`, `tif`, `png` or `npy`. */
  extension: string;
  /** Save one frame in `period`. */
  period: number;
  /** `false`: the camera waits rather than lose a frame; `true`: take the newest, count the skipped. */
  dropFrames: boolean;
  /** Send `{t(s), img_index, meta}` to the Block's outputs for each saved frame. */
  sendMessages: boolean;
  /** Encoding threads (default: the number of cores). */
  threads: number | null;
}

/**
 * The helper that records the frames: every frame or every `period`-th,
 * encoded by sharp on a tinypool pool of threads that read the frames in
 * place, named `<index:06d>_<t:.3f>.<ext>`, listed in `metadata.csv`.
 */
export class ImageRecorder extends CameraHelper {
  private readonly options: RecorderOptions;
  private readonly format: ImageFormat;
  private pool: Tinypool | null = null;
  private folder = '';
  private csv: MetadataCsv | null = null;
  private ring: FrameRing | null = null;

  /** @throws RangeError for an unknown extension */
  constructor(options: RecorderOptions) {
    super();
    this.options = options;
    const format = FORMATS[options.extension.toLowerCase()];
    if (format === undefined) throw new RangeError(`imgExtension must be one of ${Object.keys(FORMATS).join(', ')}, got ${JSON.stringify(options.extension)}`);
    this.format = format;
    this.everyFrame = !options.dropFrames;
    this.period = options.period;
    const threads = options.threads ?? Math.max(1, availableParallelism());
    this.concurrency = threads * 2;
  }

  override async run(ring: FrameRing, port: MessagePort, firstFrame: number): Promise<HelperStats> {
    this.ring = ring;
    return super.run(ring, port, firstFrame);
  }

  override async init(): Promise<void> {
    this.folder = prepareSaveFolder(this.options.folder, (message) => this.log(LogLevel.WARNING, message));
    this.csv = new MetadataCsv(join(this.folder, METADATA_FILE));
    const threads = this.options.threads ?? Math.max(1, availableParallelism());
    // Loaded here, in the recorder's worker only: the Blocks' workers load this module without starting a pool.
    const { default: Pool } = await import('tinypool');
    this.pool = new Pool({ filename: new URL('./encode-task.js', import.meta.url).href, minThreads: threads, maxThreads: threads });
    // Each thread loads sharp before the test starts, not while the camera waits for it.
    const warm: EncodeTask = { buffer: this.ring!.buffer, slot: 0, path: null, format: this.format };
    await Promise.all(Array.from({ length: threads }, () => this.pool!.run(warm)));
    this.log(LogLevel.INFO, `Saving the images in ${this.folder}`);
  }

  override async process(frame: HeldFrame): Promise<void> {
    const metadata = frame.metadata();
    const id = typeof metadata.ImageUniqueID === 'number' ? metadata.ImageUniqueID : frame.id;
    const path = join(this.folder, frameFileName(id, frame.t, this.options.extension));
    this.csv!.append(metadata);
    const task: EncodeTask = { buffer: this.ring!.buffer, slot: frame.slot, path, format: this.format };
    await this.pool!.run(task);
    if (this.options.sendMessages) this.send({ 't(s)': frame.t, img_index: id, meta: JSON.stringify(metadata) });
  }

  protected override report(): Partial<HelperStats> {
    return { folder: this.folder };
  }

  override async finish(): Promise<void> {
    await this.pool?.destroy();
    this.log(LogLevel.INFO, `Saved ${this.processed} images in ${this.folder}${this.skipped > 0 ? `, skipped ${this.skipped} (dropFrames: true)` : ''}`);
  }
}
