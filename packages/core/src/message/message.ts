/**
 * What travels through a Link: a record of labelled values.
 * @module
 */

/** A typed array (a stream of samples). */
export type TypedArray =
  | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array
  | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;

/** A value a Link can carry: numbers, strings, booleans, null, arrays, typed arrays and plain objects of those. */
export type LinkValue = number | string | boolean | null | undefined | TypedArray | LinkValue[] | { [key: string]: LinkValue };

/** One message: labels mapped to values, e.g. `{ 't(s)': 1.5, 'F(N)': 120 }`. */
export type Message = Record<string, LinkValue>;

/** Whether `value` is a plain object (a message or a nested record), not an array or class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Sets `object[key] = value` as an own property, even for the key
 * `'__proto__'` (a plain assignment would change the object's prototype).
 */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** A deep copy of a message, so that a modifier cannot change what another Link sends. */
export function cloneMessage<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return (value as unknown as TypedArray).slice() as T;
  if (Array.isArray(value)) return value.map(cloneMessage) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value) setOwn(copy, key, cloneMessage((value as Record<string, unknown>)[key]));
  return copy as T;
}
