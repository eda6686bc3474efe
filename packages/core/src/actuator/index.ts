/**
 * The Actuators, as `crappy.actuator.X`: drivers for motors and other
 * devices driven in speed or in position, by a `Machine` Block.
 * @module
 */
export { Actuator, type ActuatorClass } from './actuator.js';
export { FakeDCMotor, type FakeDCMotorOptions } from './fake-dc-motor.js';
export { FakeStepperMotor, type FakeStepperMotorOptions } from './fake-stepper-motor.js';
