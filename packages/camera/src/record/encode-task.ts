/**
 * The task of the recorder's encoding threads (a tinypool pool): encodes a
 * frame, read in place in the frame ring, and writes its file.
 * @internal
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { FrameRing } from '../ring/frame-ring.js';
import { encodeImage, type ImageFormat } from './image-files.js';

/** One frame to write. */
export interface EncodeTask {
  /** The ring's shared memory. */
  buffer: SharedArrayBuffer;
  /** The slot holding the frame (held by the recorder until the task ends). */
  slot: number;
  /** The file to write. */
  path: string;
  /** Its format. */
  format: ImageFormat;
}

/** Encodes the frame in `task.slot` and writes it to `task.path`. */
export default async function encodeFrame(task: EncodeTask): Promise<void> {
  // Each task brings its own handle on the shared memory: attaching to the ring is a few typed arrays.
  const bytes = await encodeImage(new FrameRing(task.buffer).peek(task.slot).image, task.format);
  await writeFile(task.path, bytes);
}
