import { valueCount, type Image, type ImageShape } from '../image.js';

const MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);

/**
 * Encodes an image as a numpy `.npy` file (format 1.0, C order, little
 * endian), which `numpy.load()` reads back with the same shape and dtype.
 */
export function encodeNpy(image: Image): Buffer {
  const descr = image.dtype === 'uint8' ? '|u1' : '<u2';
  const shape = image.shape.length === 2 ? `(${image.shape[0]}, ${image.shape[1]})` : `(${image.shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  // The header, with its 10 bytes of preamble and a final newline, is padded to a multiple of 64 bytes.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const preamble = Buffer.alloc(10);
  MAGIC.copy(preamble, 0);
  preamble[6] = 1;
  preamble[7] = 0;
  preamble.writeUInt16LE(header.length, 8);
  const pixels = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return Buffer.concat([preamble, Buffer.from(header, 'latin1'), pixels]);
}

/**
 * Decodes a `.npy` file of 8-bit or 16-bit unsigned pixels, `[h, w]` or
 * `[h, w, 3]`, in C order.
 * @param name the file's name, for error messages
 * @throws RangeError for anything else
 */
export function decodeNpy(bytes: Buffer, name: string): Image {
  if (bytes.length < 10 || !bytes.subarray(0, 6).equals(MAGIC)) throw new RangeError(`${name} is not a .npy file`);
  const major = bytes[6]!;
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = bytes.toString('latin1', start, start + headerLength);
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  const shape = shapeText?.split(',').map((part) => part.trim()).filter((part) => part !== '').map(Number);
  const dtype = descr === '|u1' || descr === '<u1' ? 'uint8' : descr === '<u2' ? 'uint16' : null;
  if (dtype === null || fortran !== 'False' || shape === undefined || !(shape.length === 2 || (shape.length === 3 && shape[2] === 3))) {
    throw new RangeError(`${name}: only C-order uint8 or little-endian uint16 arrays of shape (h, w) or (h, w, 3) can be read, got the header ${header.trim()}`);
  }
  const imageShape = shape as unknown as ImageShape;
  const count = valueCount(imageShape);
  const offset = start + headerLength;
  const size = count * (dtype === 'uint8' ? 1 : 2);
  if (bytes.length < offset + size) throw new RangeError(`${name} is truncated: ${bytes.length - offset} bytes of pixels, ${size} expected`);
  const copy = new Uint8Array(size);
  copy.set(bytes.subarray(offset, offset + size));
  const data = dtype === 'uint8' ? copy : new Uint16Array(copy.buffer);
  return { data, shape: imageShape, dtype };
}
