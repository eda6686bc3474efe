/**
 * The shapes of what an InOut reads: single readings and streams.
 * @module
 */
import type { LinkValue, Message, TypedArray } from '../message/message.js';

/** A series of numbers: a plain array or a (non-bigint) typed array. */
export type Samples = number[] | Exclude<TypedArray, BigInt64Array | BigUint64Array>;

/**
 * A block of stream data: `m` rows (one per time point) of `n` values (one
 * per channel), like a `m × n` matrix stored row by row.
 */
export type StreamRows = Samples[];

/**
 * One reading of an InOut: either an array whose first value is the time
 * (seconds since the epoch) followed by the values, named by the IOBlock's
 * `labels`; or an object `{'t(s)': time, label: value...}` that names its own
 * values.
 */
export type InOutData = LinkValue[] | Message;

/**
 * One chunk of a stream: either an array `[times, rows]` (the times of the
 * `m` time points, then their `m × n` values), named by the IOBlock's
 * `labels`; or an object `{'t(s)': times, label: rows}`.
 */
export type InOutStream = [Samples, ...StreamRows[]] | { [label: string]: Samples | StreamRows };

/** The offsets computed by `InOut.makeZero()`: one per value of an array reading, or one per label of an object reading. */
export type Offsets = readonly number[] | Readonly<Record<string, number>>;

/** A value that may have to be awaited: what the methods of InOuts and Actuators return. */
export type Awaitable<T> = T | Promise<T>;
