/**
 * The Paths of the Generator Block, as `crappy.path.X`, and the conditions
 * that end them.
 * @module
 */
export { Path, type PathClass, type PathContext } from './path.js';
export { PathEnd } from './path-end.js';
export {
  ConditionSyntaxError,
  parseCondition,
  type ComparisonOperator,
  type Condition,
  type ConditionFunction,
  type ConditionSpec,
  type ParseConditionOptions,
} from './condition.js';
export { Conditional, type ConditionalOptions } from './conditional.js';
export { Constant, type ConstantOptions } from './constant.js';
export { Custom, type CustomOptions } from './custom.js';
export { Cyclic, type CyclicOptions } from './cyclic.js';
export { CyclicRamp, type CyclicRampOptions } from './cyclic-ramp.js';
export { Integrator, type IntegratorOptions } from './integrator.js';
export { Ramp, type RampOptions } from './ramp.js';
export { Sine, type SineOptions } from './sine.js';
