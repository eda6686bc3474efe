/**
 * Blocks that record data (CSV, HDF5) and the PID corrector, re-exported by
 * `blocks/index.ts`.
 * @module
 */
export type { HDFAtom, HDFAtomName } from './hdf-atom.js';
export { HDFRecorder, type HDFMetadataValue, type HDFRecorderOptions } from './hdf-recorder.js';
export { PID, type PIDOptions } from './pid.js';
export { Recorder, type RecorderOptions } from './recorder.js';
export type { BlockMetadata, LinkMetadata, RunMetadata } from './run-metadata.js';
