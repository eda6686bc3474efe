import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { channelsOf, type Image, type ImageShape } from '../image.js';
import { decodeNpy, encodeNpy } from './npy.js';

/** The file formats images are recorded in. */
export type ImageFormat = 'tiff' | 'png' | 'npy';

/** The formats, by file extension (`tif` and `tiff` are both TIFF). */
export const FORMATS: Readonly<Record<string, ImageFormat>> = { tiff: 'tiff', tif: 'tiff', png: 'png', npy: 'npy' };

type Sharp = typeof import('sharp').default;
let sharpModule: Sharp | null = null;

/** Loads sharp once, with a message saying what to install when it is missing. */
async function loadSharp(): Promise<Sharp> {
  if (sharpModule !== null) return sharpModule;
  try {
    sharpModule = (await import('sharp')).default;
  } catch (error) {
    throw new Error(`Images are written and read with sharp, which could not be loaded (${(error as Error).message}): run npm install sharp`);
  }
  return sharpModule;
}

/** Swaps the first and third channels of a color image (B, G, R ⇄ R, G, B), into a new array. */
function swapRedBlue(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i += 3) {
    out[i] = data[i + 2]!;
    out[i + 1] = data[i + 1]!;
    out[i + 2] = data[i]!;
  }
  return out;
}

/**
 * Encodes an image in a file format, losslessly: 8-bit and 16-bit gray and
 * 8-bit color (stored R, G, B in TIFF and PNG, as image viewers expect;
 * images in memory are B, G, R as OpenCV's).
 */
export async function encodeImage(image: Image, format: ImageFormat): Promise<Buffer> {
  if (format === 'npy') return encodeNpy(image);
  const sharp = await loadSharp();
  const [height, width] = image.shape;
  const channels = channelsOf(image.shape);
  // sharp takes the pixel depth from the typed array's type: a Uint16Array is read as 16-bit.
  const input = channels === 3 ? swapRedBlue(image.data as Uint8Array) : image.data;
  let pipeline = sharp(input, { raw: { width, height, channels } });
  pipeline = pipeline.toColourspace(channels === 3 ? 'srgb' : image.dtype === 'uint16' ? 'grey16' : 'b-w');
  return format === 'png' ? pipeline.png({ compressionLevel: 1 }).toBuffer() : pipeline.tiff({ compression: 'none' }).toBuffer();
}

/**
 * Reads an image file (TIFF, PNG or `.npy`) back into an {@link Image}:
 * 8-bit or 16-bit, gray or color (B, G, R).
 * @throws Error naming the file when it cannot be read or decoded
 */
export async function readImageFile(path: string): Promise<Image> {
  const bytes = await readFile(path);
  if (extname(path).toLowerCase() === '.npy') return decodeNpy(bytes, path);
  const sharp = await loadSharp();
  const meta = await sharp(bytes).metadata();
  const sixteen = meta.depth === 'ushort';
  const gray = meta.channels === 1;
  const { data, info } = await sharp(bytes)
    .toColourspace(gray ? (sixteen ? 'grey16' : 'b-w') : sixteen ? 'rgb16' : 'srgb')
    .raw(sixteen ? { depth: 'ushort' } : {})
    .toBuffer({ resolveWithObject: true });
  const shape: ImageShape = info.channels >= 3 ? [info.height, info.width, 3] : [info.height, info.width];
  if (info.channels === 2 || info.channels === 4) throw new RangeError(`${path}: images with an alpha channel are not supported`);
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  if (sixteen) {
    if (shape.length === 3) throw new RangeError(`${path}: 16-bit color images are not supported`);
    return { data: new Uint16Array(copy.buffer), shape, dtype: 'uint16' };
  }
  return { data: shape.length === 3 ? swapRedBlue(copy) : copy, shape, dtype: 'uint8' };
}
