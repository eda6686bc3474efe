/**
 * The InOuts, as `crappy.inout.X`: drivers for devices that acquire data or
 * set outputs, driven by an `IOBlock`.
 * @module
 */
export type { Awaitable, InOutData, InOutStream, Offsets, Samples, StreamRows } from './data.js';
export { FakeInOut } from './fake-inout.js';
export { InOut, type InOutClass, type LogFn } from './inout.js';
