/**
 * The modifiers, as `crappy.modifier.X`.
 * @module
 */
export { Modifier, type ModifierLike, type ModifierResult } from './modifier.js';
export { Demux, type DemuxOptions } from './demux.js';
export { Diff, type DiffOptions } from './diff.js';
export { DownSampler } from './down-sampler.js';
export { Integrate, type IntegrateOptions } from './integrate.js';
export { Mean } from './mean.js';
export { Median } from './median.js';
export { MovingAvg } from './moving-avg.js';
export { MovingMed } from './moving-med.js';
export type { NPointsOptions } from './n-points.js';
export { Offset } from './offset.js';
export { TrigOnChange } from './trig-on-change.js';
export { TrigOnValue } from './trig-on-value.js';
