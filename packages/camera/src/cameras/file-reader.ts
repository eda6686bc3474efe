import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LogLevel, ReaderStop } from '@crappy/core';
import { Camera, type CameraFrame } from '../camera.js';
import type { ImageDtype, ImageShape } from '../image.js';
import { readImageFile } from '../record/image-files.js';

/** Options of {@link FileReader}, given as options of the Camera Block. */
export interface FileReaderOptions {
  /** The folder of images, as the Camera Block records them (`<index>_<t>.<ext>`). */
  readerFolder: string;
  /** End the run once every image was read (default true); otherwise stay idle. */
  stopAtEnd?: boolean;
}

const NAME = /^\d+_(\d+\.\d+)\.(tiff?|png|npy)$/i;

/**
 * Replays a folder of images recorded by a Camera Block (TIFF, PNG or
 * `.npy` files named `<index>_<t>.<ext>`), in the order of their time `t`,
 * at the pace they were taken (as fast as it can when it cannot keep up).
 * At the end it throws {@link ReaderStop}, which ends the run cleanly,
 * unless `stopAtEnd` is false.
 */
export class FileReader extends Camera {
  private images: { path: string; t: number }[] = [];
  private position = 0;
  private startedAt: number | null = null;
  private stopAtEnd = true;
  private format: { shape: ImageShape; dtype: ImageDtype } | null = null;
  private warned = false;

  /**
   * @throws Error naming the folder when it does not exist or holds no image named as recorded
   */
  override async open(options: Record<string, unknown>): Promise<void> {
    const { readerFolder, stopAtEnd = true, ...settings } = options as Partial<FileReaderOptions> & Record<string, unknown>;
    if (typeof readerFolder !== 'string') throw new TypeError(`FileReader: readerFolder must be the path of a folder of images, got ${JSON.stringify(readerFolder)}`);
    if (typeof stopAtEnd !== 'boolean') throw new TypeError(`FileReader: stopAtEnd must be true or false, got ${JSON.stringify(stopAtEnd)}`);
    let isFolder = false;
    try {
      isFolder = statSync(readerFolder).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) throw new Error(`FileReader: the folder ${readerFolder} does not exist or is not a folder`);
    this.images = readdirSync(readerFolder)
      .flatMap((name) => {
        const match = NAME.exec(name);
        return match === null ? [] : [{ path: join(readerFolder, name), t: Number(match[1]) }];
      })
      .sort((a, b) => a.t - b.t);
    if (this.images.length === 0) throw new Error(`FileReader: no image named <index>_<t>.<tiff|png|npy> in the folder ${readerFolder}`);
    this.log(LogLevel.INFO, `Detected ${this.images.length} images in the ${readerFolder} folder`);
    this.stopAtEnd = stopAtEnd;
    const first = await readImageFile(this.images[0]!.path);
    this.format = { shape: first.shape, dtype: first.dtype };
    this.setAll(settings);
  }

  override frameFormat(): { shape: ImageShape; dtype: ImageDtype } | null {
    return this.format;
  }

  async getImage(): Promise<CameraFrame | null> {
    const now = this.clock.time();
    this.startedAt ??= now;
    const next = this.images[this.position];
    if (next === undefined) {
      if (this.stopAtEnd) throw new ReaderStop(`FileReader: all the ${this.images.length} images were read`);
      if (!this.warned) this.log(LogLevel.WARNING, 'Exhausted all the images to read, staying idle until the test ends');
      this.warned = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return null;
    }
    this.position += 1;
    const image = await readImageFile(next.path);
    const late = next.t - (this.clock.time() - this.startedAt);
    if (late > 0) await new Promise((resolve) => setTimeout(resolve, late * 1000));
    return [this.clock.time(), image];
  }
}
