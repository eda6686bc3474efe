/**
 * The images of the recording tests: each pixel is a function of the
 * frame's number, its position and its channel, so that a test can check
 * every pixel of every file it reads back.
 */
import type { camera } from 'crappy';

/** The image of frame `id`: 40 × 30, gray or color (8-bit), 8 or 16-bit gray. */
export function patternImage(id: number, dtype: 'uint8' | 'uint16', color: boolean): camera.Image {
  const [height, width, channels] = [30, 40, color ? 3 : 1];
  const count = height * width * channels;
  const data = dtype === 'uint8' ? new Uint8Array(count) : new Uint16Array(count);
  const modulo = dtype === 'uint8' ? 256 : 65536;
  for (let i = 0; i < count; i += 1) data[i] = (i * (dtype === 'uint8' ? 7 : 1543) + id * 31) % modulo;
  return { data, shape: color ? [height, width, 3] : [height, width], dtype };
}
