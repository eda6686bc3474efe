/**
 * The task of the recorder's encoding threads (a tinypool pool): encodes a
 * frame, read in place in the frame ring, and writes its file.
 * @internal
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { makeImage } from '../image.js';
import { FrameRing } from '../ring/frame-ring.js';
import { encodeImage, type ImageFormat } from './image-files.js';

/** One frame to write. */
export interface EncodeTask {
  /** The ring's shared memory. */
  buffer: SharedArrayBuffer;
  /** The slot holding the frame (held by the recorder until the task ends). */
  slot: number;
  /** The file to write; `null` encodes a tiny image instead (warms the thread up: it loads sharp). */
  path: string | null;
  /** Its format. */
  format: ImageFormat;
}

/** Encodes the frame in `task.slot` and writes it to `task.path`. */
export default async function encodeFrame(task: EncodeTask): Promise<void> {
  if (task.path === null) {
    await encodeImage(makeImage([2, 2], new FrameRing(task.buffer).dtype), task.format);
    return;
  }
  // Each task brings its own handle on the shared memory: attaching to the ring is a few typed arrays.
  const bytes = await encodeImage(new FrameRing(task.buffer).peek(task.slot).image, task.format);
  await writeFile(task.path, bytes);
}
