/**
 * The element types of an HDFRecorder's dataset: their names (ours and
 * numpy's), their HDF5 types, and how numbers are stored in them.
 * @module
 */
import { inspect } from 'node:util';
import type { TypedArray } from '../message/message.js';

/** Element types of the dataset an {@link HDFRecorder} writes. */
export type HDFAtom = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64';

/** numpy's other names of the {@link HDFAtom}s (`np.dtype(name)`); `'int'` and `'uint'` are 64-bit, as in numpy 2. */
const NUMPY_NAMES = {
  i1: 'int8', byte: 'int8', b: 'int8',
  u1: 'uint8', ubyte: 'uint8', B: 'uint8',
  i2: 'int16', short: 'int16', h: 'int16',
  u2: 'uint16', ushort: 'uint16', H: 'uint16',
  i4: 'int32', intc: 'int32', i: 'int32',
  u4: 'uint32', uintc: 'uint32', I: 'uint32',
  i8: 'int64', int: 'int64', longlong: 'int64', q: 'int64',
  u8: 'uint64', uint: 'uint64', ulonglong: 'uint64', Q: 'uint64',
  f4: 'float32', single: 'float32', f: 'float32',
  f8: 'float64', float: 'float64', double: 'float64', d: 'float64',
} as const satisfies Record<string, HDFAtom>;

/** A name of an {@link HDFAtom} as numpy writes dtypes, possibly with a little-endian or native byte order mark: `'f8'`, `'<i2'`, `'=float32'`. */
export type HDFAtomName = HDFAtom | keyof typeof NUMPY_NAMES | `${'<' | '=' | '|'}${HDFAtom | keyof typeof NUMPY_NAMES}`;

/** The typed array class of an atom. */
type ArrayClass = new (length: number) => TypedArray;

/** The HDF5 type (as h5wasm names it) and the typed array of each atom. */
export const ATOMS: Readonly<Record<HDFAtom, { dtype: string; array: ArrayClass }>> = {
  int8: { dtype: '<b', array: Int8Array },
  uint8: { dtype: '<B', array: Uint8Array },
  int16: { dtype: '<h', array: Int16Array },
  uint16: { dtype: '<H', array: Uint16Array },
  int32: { dtype: '<i', array: Int32Array },
  uint32: { dtype: '<I', array: Uint32Array },
  int64: { dtype: '<q', array: BigInt64Array },
  uint64: { dtype: '<Q', array: BigUint64Array },
  float32: { dtype: '<f', array: Float32Array },
  float64: { dtype: '<d', array: Float64Array },
};

/**
 * The atom named `name`: one of ours, or numpy's name of it, possibly after
 * `<`, `=` or `|` (HDF5 files are written little-endian).
 * @throws RangeError for any other name
 */
export function resolveAtom(name: unknown, owner: string): HDFAtom {
  const bare = typeof name === 'string' ? name.replace(/^[<=|]/, '') : '';
  if (Object.hasOwn(ATOMS, bare)) return bare as HDFAtom;
  if (Object.hasOwn(NUMPY_NAMES, bare)) return NUMPY_NAMES[bare as keyof typeof NUMPY_NAMES];
  throw new RangeError(
    `${owner}: atom must be one of ${Object.keys(ATOMS).join(', ')} (or numpy's names: ${Object.keys(NUMPY_NAMES).join(', ')}), got ${inspect(name)}`,
  );
}

/**
 * Copies `row` into `block` from `offset`, converting each number as typed
 * arrays do: a 64-bit integer gets the number truncated and wrapped around
 * (NaN and ±Infinity give 0), as the other integer types.
 */
export function fillRow(block: TypedArray, row: ArrayLike<number>, offset: number): void {
  if (block instanceof BigInt64Array || block instanceof BigUint64Array) {
    for (let i = 0; i < row.length; i++) {
      const value = row[i]!;
      block[offset + i] = Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
    }
  } else {
    (block as Exclude<TypedArray, BigInt64Array | BigUint64Array>).set(row, offset);
  }
}
