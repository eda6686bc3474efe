// Actuators: the base class's defaults and registry, and the physics of FakeDCMotor and FakeStepperMotor on a scripted clock.
import { describe, expect, it } from 'vitest';
import { actuator, DefinitionError, LogLevel } from '../../packages/core/src/index.js';
import { TestClock } from './harness.js';

const { Actuator, FakeDCMotor, FakeStepperMotor } = actuator;

/** Opens `motor` on a scripted clock at 0 and returns the clock. */
function opened<A extends actuator.Actuator>(motor: A): TestClock {
  const clock = new TestClock(0);
  motor.clock = clock;
  void motor.open();
  return clock;
}

describe('Actuator base', () => {
  it('warns and waits 1 s in the methods a subclass does not define; stop() sets a zero speed', async () => {
    const speeds: number[] = [];
    class Bare extends Actuator {}
    class SpeedOnly extends Actuator {
      override setSpeed(speed: number): void {
        speeds.push(speed);
      }
    }
    const bare = new Bare();
    const clock = new TestClock();
    const logs: [number, string][] = [];
    bare.clock = clock;
    bare.logTo = (level, message) => logs.push([level, message]);
    await bare.setSpeed(1);
    await bare.setPosition(2, null);
    expect(await bare.getSpeed()).toBeNull();
    expect(await bare.getPosition()).toBeNull();
    expect(clock.sleeps).toEqual([1, 1, 1, 1]);
    expect(logs.every(([level]) => level === LogLevel.WARNING)).toBe(true);
    expect(logs[1]![1]).toBe('Bare: setPosition() was called but is not defined: the position 2 (speed null) is not set');
    await new SpeedOnly().stop();
    expect(speeds).toEqual([0]);
  });

  it('log() takes a level number or name, like Block.log(), and refuses an unknown name', () => {
    class Named extends Actuator {}
    const motor = new Named();
    const logs: [number, string][] = [];
    motor.logTo = (level, message) => logs.push([level, message]);
    motor.log('warning', 'by name');
    motor.log(LogLevel.DEBUG, 'by number');
    expect(logs).toEqual([
      [LogLevel.WARNING, 'Named: by name'],
      [LogLevel.DEBUG, 'Named: by number'],
    ]);
    // @ts-expect-error: the type refuses what the run time refuses
    expect(() => motor.log('verbose', 'unknown')).toThrow(RangeError);
  });

  it('registers its subclasses, and refuses a second class of the same name', () => {
    expect(Actuator.classes.get('FakeDCMotor')).toBe(FakeDCMotor);
    expect(Actuator.classes.get('FakeStepperMotor')).toBe(FakeStepperMotor);
    class Twin extends Actuator {}
    new Twin();
    const Other = class Twin extends Actuator {};
    expect(() => new Other()).toThrow(DefinitionError);
  });
});

describe('FakeDCMotor', () => {
  /** The steady speed (RPM) under `volts` with the default constants: kv·U = ω(1 + rv) + fv·ω². */
  function steady(volts: number): number {
    const [fv, b, c] = [2e-5, 1.4, 1000 * volts];
    return (-b + Math.sqrt(b * b + 4 * fv * c)) / (2 * fv);
  }

  it('speeds up under a voltage towards its steady speed, and the position is the integral of the speed', () => {
    const motor = new FakeDCMotor();
    const clock = opened(motor);
    motor.setSpeed(1);
    const speeds: number[] = [];
    for (let i = 0; i < 50; i++) {
      clock.now += 0.1;
      speeds.push(motor.getSpeed());
    }
    for (let i = 1; i < speeds.length; i++) expect(speeds[i]!).toBeGreaterThan(speeds[i - 1]!);
    expect(speeds.at(-1)!).toBeCloseTo(steady(1), 3);
    // Once steady, 60 s at ω RPM make ω turns.
    const before = motor.getPosition();
    clock.now += 60;
    expect(motor.getPosition() - before).toBeCloseTo(steady(1), 3);
  });

  it('slows down without voltage, and runs backwards under a negative one', () => {
    const motor = new FakeDCMotor({ initialSpeed: 500, initialPos: 3 });
    const clock = opened(motor);
    expect(motor.getSpeed()).toBe(500);
    expect(motor.getPosition()).toBe(3);
    clock.now += 10;
    expect(Math.abs(motor.getSpeed())).toBeLessThan(1e-6);
    motor.setSpeed(-1);
    clock.now += 20;
    expect(motor.getSpeed()).toBeCloseTo(-steady(1), 3);
  });

  it('follows the time faster with a simulation speed, and slows down under a load torque', () => {
    const fast = new FakeDCMotor({ simulationSpeed: 2 });
    const normal = new FakeDCMotor();
    const loaded = new FakeDCMotor({ torque: 200 });
    const clocks = [fast, normal, loaded].map(opened);
    for (const motor of [fast, normal, loaded]) motor.setSpeed(1);
    for (const clock of clocks) clock.now += 0.25;
    expect(fast.getSpeed()).toBeGreaterThan(normal.getSpeed());
    expect(loaded.getSpeed()).toBeLessThan(normal.getSpeed());
    for (const clock of clocks) clock.now += 30;
    expect(fast.getSpeed()).toBeCloseTo(steady(1), 3);
    expect(loaded.getSpeed()).toBeCloseTo(steady(0.8), 3);
  });

  it('checks its options and its command', () => {
    expect(() => new FakeDCMotor({ inertia: 0 })).toThrow(RangeError);
    expect(() => new FakeDCMotor({ kv: '1000' as never })).toThrow(/FakeDCMotor: kv must be a number, got "1000"/);
    expect(() => new FakeDCMotor({ simulationSpeed: -1 })).toThrow(/simulationSpeed must be a number > 0/);
    expect(() => new FakeDCMotor({ sim_speed: 2 } as never)).toThrow(/unknown option 'sim_speed'/);
    const motor = new FakeDCMotor();
    opened(motor);
    expect(() => motor.setSpeed(Number.NaN)).toThrow(TypeError);
  });
});

describe('FakeStepperMotor', () => {
  it('moves to a position along a trapezoid: 0.5 s accelerating to 10 mm/s, cruising, braking, at rest on the target at 1.5 s', () => {
    const motor = new FakeStepperMotor();
    const clock = opened(motor);
    motor.setPosition(10, null);
    const samples: [number, number, number][] = [];
    for (let i = 1; i <= 40; i++) {
      clock.now = i * 0.05;
      samples.push([clock.now, motor.getPosition(), motor.getSpeed()]);
    }
    const at = (t: number) => samples.find(([time]) => Math.abs(time - t) < 1e-9)!;
    expect(at(0.25)[1]).toBeCloseTo(0.625, 4);
    expect(at(0.5)[2]).toBeCloseTo(10, 6);
    expect(at(1)[1]).toBeCloseTo(7.5, 4);
    expect(at(1.25)[2]).toBeCloseTo(5, 4);
    for (const [t, x, v] of samples) {
      expect(v).toBeLessThanOrEqual(10 + 1e-9);
      expect(x).toBeLessThanOrEqual(10);
      if (t >= 1.5) expect([x, v]).toEqual([10, 0]);
    }
    for (let i = 1; i < samples.length; i++) {
      expect(Math.abs(samples[i]![2] - samples[i - 1]![2]) / 0.05).toBeLessThanOrEqual(20 + 1e-6);
    }
  });

  it('moves at the requested speed, never above maxSpeed', () => {
    const slow = new FakeStepperMotor();
    const clock = opened(slow);
    slow.setPosition(-20, 2);
    clock.now = 5;
    expect(slow.getSpeed()).toBeCloseTo(-2, 9);
    const capped = new FakeStepperMotor({ maxSpeed: 4 });
    const clock2 = opened(capped);
    capped.setPosition(100, 50);
    clock2.now = 5;
    expect(capped.getSpeed()).toBeCloseTo(4, 9);
  });

  it('reaches a speed at the largest acceleration, limited to maxSpeed with a warning, and keeps it', () => {
    const motor = new FakeStepperMotor({ acceleration: 10, maxSpeed: 5 });
    const clock = opened(motor);
    const warnings: string[] = [];
    motor.logTo = (level, message) => level === LogLevel.WARNING && warnings.push(message);
    motor.setSpeed(-8);
    expect(warnings).toEqual(['FakeStepperMotor: The speed -8 mm/s is above the largest speed, 5 mm/s is set instead']);
    clock.now = 0.25;
    expect(motor.getSpeed()).toBeCloseTo(-2.5, 9);
    clock.now = 10.5;
    expect(motor.getSpeed()).toBe(-5);
    // 0.5 s to reach −5 mm/s covers −1.25 mm, then 10 s at −5 mm/s.
    expect(motor.getPosition()).toBeCloseTo(-51.25, 4);
  });

  it('reports whole microsteps, and stops at once', () => {
    const motor = new FakeStepperMotor({ stepsPerMm: 10, microsteps: 2 });
    const clock = opened(motor);
    motor.setSpeed(1);
    clock.now = 1.1213;
    const position = motor.getPosition();
    expect(position * 20).toBeCloseTo(Math.round(position * 20), 9);
    motor.stop();
    expect(motor.getSpeed()).toBe(0);
    clock.now = 5;
    expect(motor.getPosition()).toBe(position);
  });

  it('checks its options and its commands', () => {
    expect(() => new FakeStepperMotor({ microsteps: 1.5 })).toThrow(/microsteps must be an integer >= 1/);
    expect(() => new FakeStepperMotor({ acceleration: 0 })).toThrow(RangeError);
    expect(() => new FakeStepperMotor({ max_speed: 3 } as never)).toThrow(TypeError);
    const motor = new FakeStepperMotor();
    opened(motor);
    expect(() => motor.setPosition(Number.POSITIVE_INFINITY, null)).toThrow(TypeError);
    expect(() => motor.setPosition(1, 'fast' as never)).toThrow(/the speed must be a finite number/);
  });
});
