/**
 * The Blocks that drive devices (InOuts and Actuators) and the simulated
 * tensile machine, re-exported by `blocks/index.ts`.
 * @module
 */
export { FakeMachine, type FakeMachineOptions, type NormalSampler } from './fake-machine.js';
export { IOBlock, type InOutOptionsOf, type IOBlockOptions } from './ioblock.js';
export { Machine, type ActuatorSettings, type MachineOptions } from './machine.js';
