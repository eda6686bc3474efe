/**
 * Images as the Cameras return them and the frame ring stores them: a typed
 * array of pixels, row by row, with its shape and its pixel type.
 * @module
 */

/** The pixel types a Camera may return: 8-bit (gray or color) and 16-bit (gray). */
export type ImageDtype = 'uint8' | 'uint16';

/**
 * The shape of an image, as numpy gives it: `[height, width]` for gray,
 * `[height, width, 3]` for color (channels in B, G, R order, as OpenCV).
 */
export type ImageShape = readonly [number, number] | readonly [number, number, 3];

/** One image: `data` holds `height × width × channels` pixels, row by row. */
export interface Image {
  /** The pixels: `Uint8Array` for `'uint8'`, `Uint16Array` for `'uint16'`. */
  readonly data: Uint8Array | Uint16Array;
  /** `[height, width]` or `[height, width, 3]`. */
  readonly shape: ImageShape;
  /** The pixel type, matching `data`. */
  readonly dtype: ImageDtype;
}

/** Bytes per pixel value of a dtype. */
export function bytesPerValue(dtype: ImageDtype): 1 | 2 {
  return dtype === 'uint8' ? 1 : 2;
}

/** The number of channels of a shape (1 for gray, 3 for color). */
export function channelsOf(shape: ImageShape): 1 | 3 {
  return shape.length === 3 ? 3 : 1;
}

/** The number of pixel values of a shape (`height × width × channels`). */
export function valueCount(shape: ImageShape): number {
  return shape[0] * shape[1] * channelsOf(shape);
}

/**
 * Makes an image of the given shape and dtype, filled with zeros, or around
 * the given data.
 * @throws RangeError for a shape that is not `[h, w]` or `[h, w, 3]` of
 *   positive integers, or data of the wrong length or type
 */
export function makeImage(shape: ImageShape, dtype: ImageDtype = 'uint8', data?: Uint8Array | Uint16Array): Image {
  checkShape(shape, 'makeImage(): shape');
  const length = valueCount(shape);
  const pixels = data ?? (dtype === 'uint8' ? new Uint8Array(length) : new Uint16Array(length));
  const problem = imageProblem({ data: pixels, shape, dtype });
  if (problem !== null) throw new RangeError(`makeImage(): ${problem}`);
  return { data: pixels, shape, dtype };
}

/**
 * Checks that `shape` is `[height, width]` or `[height, width, 3]` of
 * positive integers.
 * @param what names the value in the error message
 * @throws RangeError naming `what` otherwise
 */
export function checkShape(shape: unknown, what: string): asserts shape is ImageShape {
  const ok =
    Array.isArray(shape) &&
    (shape.length === 2 || (shape.length === 3 && shape[2] === 3)) &&
    Number.isInteger(shape[0]) && Number.isInteger(shape[1]) &&
    (shape[0] as number) > 0 && (shape[1] as number) > 0;
  if (!ok) throw new RangeError(`${what} must be [height, width] or [height, width, 3] of positive integers, got ${JSON.stringify(shape)}`);
}

/** Checks that `dtype` is `'uint8'` or `'uint16'`. @throws RangeError naming `what` otherwise */
export function checkDtype(dtype: unknown, what: string): asserts dtype is ImageDtype {
  if (dtype !== 'uint8' && dtype !== 'uint16') throw new RangeError(`${what} must be 'uint8' or 'uint16', got ${JSON.stringify(dtype)}`);
}

/**
 * What is wrong with a value that should be an {@link Image}, or `null` when
 * it is one: a typed array matching its dtype, a valid shape, and as many
 * values as the shape has (16-bit color is not supported).
 */
export function imageProblem(image: unknown): string | null {
  if (typeof image !== 'object' || image === null) return `an image must be an object { data, shape, dtype }, got ${String(image)}`;
  const { data, shape, dtype } = image as Partial<Image>;
  if (dtype !== 'uint8' && dtype !== 'uint16') return `the image dtype must be 'uint8' or 'uint16', got ${JSON.stringify(dtype)}`;
  try {
    checkShape(shape, 'the image shape');
  } catch (error) {
    return (error as Error).message;
  }
  if (dtype === 'uint16' && shape.length === 3) return '16-bit images must be gray ([height, width]); color images are 8-bit';
  const expected = dtype === 'uint8' ? Uint8Array : Uint16Array;
  if (!(data instanceof expected)) return `the image data must be a ${expected.name} for dtype '${dtype}', got ${data?.constructor?.name ?? String(data)}`;
  if (data.length !== valueCount(shape)) return `the image data has ${data.length} values, its shape ${JSON.stringify(shape)} needs ${valueCount(shape)}`;
  return null;
}

/**
 * Crops an image to the rectangle at (`x`, `y`) of `width` × `height`
 * pixels (clipped to the image); returns `null` when nothing is left.
 */
export function cropImage(image: Image, x: number, y: number, width: number, height: number): Image | null {
  const [h, w] = image.shape;
  const channels = channelsOf(image.shape);
  const x0 = Math.max(0, x);
  const y0 = Math.max(0, y);
  const x1 = Math.min(w, x + width);
  const y1 = Math.min(h, y + height);
  if (x1 <= x0 || y1 <= y0) return null;
  if (x0 === 0 && y0 === 0 && x1 === w && y1 === h) return image;
  const outW = x1 - x0;
  const outH = y1 - y0;
  const out = image.dtype === 'uint8' ? new Uint8Array(outW * outH * channels) : new Uint16Array(outW * outH * channels);
  for (let row = 0; row < outH; row += 1) {
    const start = ((y0 + row) * w + x0) * channels;
    out.set(image.data.subarray(start, start + outW * channels), row * outW * channels);
  }
  const shape: ImageShape = channels === 3 ? [outH, outW, 3] : [outH, outW];
  return { data: out, shape, dtype: image.dtype };
}
