// FakeMachine, driven in-thread, as the original's
// tests/blocks/test_fake_machine.py checks it (cases FM1-FM9 below).
import { describe, expect, it } from 'vitest';
import { blocks, LogLevel, type Message } from '../../packages/core/src/index.js';
import { drive, logged, type Driven } from './harness.js';

/** A FakeMachine whose protected state the tests can read and set. */
class ProbeMachine extends blocks.FakeMachine {
  get state() {
    return {
      rigidity: this.rigidity,
      currentPos: this.currentPos,
      prevT: this.prevT,
      prevBrokeT: this.prevBrokeT,
      plasticElongation: this.plasticElongation,
      maxRecordedStrain: this.maxRecordedStrain,
    };
  }

  setState(state: Partial<{ currentPos: number; prevT: number; prevBrokeT: number }>): void {
    if (state.currentPos !== undefined) this.currentPos = state.currentPos;
    if (state.prevT !== undefined) this.prevT = state.prevT;
    if (state.prevBrokeT !== undefined) this.prevBrokeT = state.prevBrokeT;
  }

  noise(data: Record<string, number>): Record<string, number> {
    return this.addNoise(data);
  }
}

/** Checks a message key by key, to 5e-8 (the original's assertAlmostEqual, to 7 places), and its keys in order. */
function expectMessage(actual: Message | undefined, expected: Record<string, number>): void {
  expect(actual).toBeDefined();
  expect(Object.keys(actual!)).toEqual(Object.keys(expected));
  for (const [label, value] of Object.entries(expected)) expect(actual![label] as number).toBeCloseTo(value, 7);
}

/** The motion cases' setup: rigidity 200, l0 100, max strain 100 %, vmax 5, no plastic strain, no noise. */
function motionMachine(mode: 'speed' | 'position', cmdLabel = 'cmd'): Driven<ProbeMachine> {
  const machine = new ProbeMachine({
    rigidity: 200,
    l0: 100,
    maxStrain: 100,
    maxSpeed: 5,
    plasticLaw: () => 0,
    sigma: {},
    mode,
    cmdLabel,
  });
  return drive(machine);
}

describe('FakeMachine', () => {
  it('FM1: begin() starts at t0 and sends the initial state once, with exactly 5 labels', () => {
    const d = drive(new ProbeMachine({ rigidity: 1000, l0: 100, nu: 0.25, sigma: {} }));
    d.clock.now = 10.25;
    d.block.begin();
    expect(d.block.state.prevT).toBe(10);
    expect(d.sent).toHaveLength(1);
    expect(d.sent[0]).toEqual({ 't(s)': 0.25, 'F(N)': 0, 'x(mm)': 0, 'Exx(%)': 0, 'Eyy(%)': 0 }); // 0, not −0: the original's tests compare with ==
    expect(Object.keys(d.sent[0]!)).toHaveLength(5);
  });

  it('FM2: returns without sending when the command label is missing', () => {
    const d = drive(new ProbeMachine({ cmdLabel: 'drive', sigma: {} }));
    d.block.setState({ prevT: 10, currentPos: 1.5 });
    d.clock.now = 11;
    d.inbox.push({ cmd: 5 });
    d.block.loop();
    expect(d.recvCalls).toEqual([true]);
    expect(d.sent).toEqual([]);
    expect(d.block.state.prevT).toBe(10);
    expect(d.block.state.currentPos).toBe(1.5);
  });

  it('FM3: returns before reading when no time passed', () => {
    const d = drive(new ProbeMachine({ sigma: {} }));
    d.block.setState({ prevT: 10 });
    d.clock.now = 10;
    d.inbox.push({ cmd: 1 });
    d.block.loop();
    expect(d.recvCalls).toEqual([]);
    expect(d.sent).toEqual([]);
  });

  const speedCases = [
    { cmd: 2, start: 0, dt: 0.5, pos: 1 },
    { cmd: 20, start: 0, dt: 2, pos: 10 },
    { cmd: -20, start: 20, dt: 1, pos: 15 },
  ];
  for (const { cmd, start, dt, pos } of speedCases) {
    it(`FM4: speed mode, command ${cmd} from ${start} over ${dt} s reaches ${pos}`, () => {
      const d = motionMachine('speed');
      d.block.setState({ prevT: 10, currentPos: start });
      d.clock.now = 10 + dt;
      d.inbox.push({ cmd });
      d.block.loop();
      expect(d.block.state.currentPos).toBeCloseTo(pos, 7);
      expect(d.block.state.prevT).toBe(10 + dt);
      expect(d.sent).toHaveLength(1);
      expectMessage(d.sent[0], { 't(s)': dt, 'F(N)': 2 * pos, 'x(mm)': pos, 'Exx(%)': pos, 'Eyy(%)': -0.3 * pos });
      expect(d.clock.calls).toBe(2);
    });
  }

  const positionCases = [
    { cmd: 3, start: 0, dt: 2, pos: 3 },
    { cmd: 20, start: 0, dt: 2, pos: 10 },
    { cmd: 4, start: 10, dt: 3, pos: 4 },
  ];
  for (const { cmd, start, dt, pos } of positionCases) {
    it(`FM5: position mode, target ${cmd} from ${start} over ${dt} s reaches ${pos}`, () => {
      const d = motionMachine('position', 'target');
      d.block.setState({ prevT: 10, currentPos: start });
      d.clock.now = 10 + dt;
      d.inbox.push({ target: cmd });
      d.block.loop();
      expectMessage(d.sent[0], { 't(s)': dt, 'F(N)': 2 * pos, 'x(mm)': pos, 'Exx(%)': pos, 'Eyy(%)': -0.3 * pos });
    });
  }

  it('never moves below 0', () => {
    const d = motionMachine('speed');
    d.block.setState({ prevT: 10, currentPos: 1 });
    d.clock.now = 12;
    d.inbox.push({ cmd: -5 });
    d.block.loop();
    expect(d.block.state.currentPos).toBe(0);
  });

  it('FM6: the plastic law reduces the elastic force', () => {
    const d = drive(
      new ProbeMachine({ rigidity: 200, l0: 100, maxStrain: 100, maxSpeed: 5, plasticLaw: (e) => e / 2, sigma: {} }),
    );
    d.block.setState({ prevT: 10 });
    d.clock.now = 12;
    d.inbox.push({ cmd: 20 });
    d.block.loop();
    expect(d.block.state.maxRecordedStrain).toBeCloseTo(0.1, 12);
    expect(d.block.state.plasticElongation).toBeCloseTo(5, 12);
    expectMessage(d.sent[0], { 't(s)': 2, 'F(N)': 10, 'x(mm)': 10, 'Exx(%)': 10, 'Eyy(%)': -3 });
  });

  it('keeps the plastic elongation of the largest strain when unloading', () => {
    const d = drive(
      new ProbeMachine({ rigidity: 200, l0: 100, maxStrain: 100, maxSpeed: 5, plasticLaw: (e) => e / 2, sigma: {} }),
    );
    d.block.setState({ prevT: 10 });
    d.clock.now = 12;
    d.inbox.push({ cmd: 20 }, { cmd: -2 });
    d.block.loop();
    d.clock.now = 13;
    d.block.loop();
    expect(d.block.state.plasticElongation).toBeCloseTo(5, 12);
    expectMessage(d.sent[1], { 't(s)': 3, 'F(N)': 6, 'x(mm)': 8, 'Exx(%)': 8, 'Eyy(%)': -2.4 });
  });

  it('FM7: past the max strain the force drops to 0, without a second warning within 1 s (3 clock calls)', () => {
    const d = drive(new ProbeMachine({ rigidity: 200, l0: 100, maxStrain: 5, maxSpeed: 5, plasticLaw: () => 0, sigma: {} }));
    d.block.setState({ prevT: 10, prevBrokeT: 11.5 });
    d.clock.now = 12;
    d.clock.calls = 0;
    d.inbox.push({ cmd: 20 });
    d.block.loop();
    expect(d.block.state.rigidity).toBe(0);
    expectMessage(d.sent[0], { 't(s)': 2, 'F(N)': 0, 'x(mm)': 10, 'Exx(%)': 10, 'Eyy(%)': -3 });
    expect(d.clock.calls).toBe(3);
    expect(logged(d, LogLevel.WARNING)).toEqual([]);
  });

  it('logs "Sample broke !" when the last warning is more than 1 s old, and remembers when (4 clock calls)', () => {
    const d = drive(new ProbeMachine({ rigidity: 200, l0: 100, maxStrain: 5, maxSpeed: 5, sigma: {} }));
    d.block.setState({ prevT: 10, prevBrokeT: 10.5 });
    d.clock.now = 12;
    d.clock.calls = 0;
    d.inbox.push({ cmd: 20 });
    d.block.loop();
    expect(logged(d, LogLevel.WARNING)).toEqual(['Sample broke !']);
    expect(d.block.state.prevBrokeT).toBe(12);
    expect(d.clock.calls).toBe(4);
  });

  it('FM8: addNoise draws normal(value, sigma) for the labels with a sigma, in the data order, in place', () => {
    const calls: [number, number][] = [];
    const machine = new ProbeMachine({
      sigma: { 'x(mm)': 0.5, 'F(N)': 2 },
      normal: (mean, sigma) => {
        calls.push([mean, sigma]);
        return mean + 10 * sigma;
      },
    });
    const data = { 't(s)': 1, 'F(N)': 10, 'x(mm)': 3, 'Exx(%)': 4, 'Eyy(%)': -1 };
    const result = machine.noise(data);
    expect(result).toBe(data);
    expect(calls).toEqual([
      [10, 2],
      [3, 0.5],
    ]);
    expect(result).toEqual({ 't(s)': 1, 'F(N)': 30, 'x(mm)': 8, 'Exx(%)': 4, 'Eyy(%)': -1 });
  });

  it('adds the default noise to the four measured labels, not to the time', () => {
    const calls: [number, number][] = [];
    const d = drive(new ProbeMachine({ normal: (mean, sigma) => (calls.push([mean, sigma]), mean) }));
    d.block.begin();
    expect(calls).toEqual([
      [0, 50],
      [0, 2e-3],
      [0, 1e-3],
      [-0, 1e-3],
    ]);
  });

  it('FM9: a mode other than speed or position is a RangeError at construction', () => {
    expect(() => new blocks.FakeMachine({ mode: 'torque' as 'speed' })).toThrow(RangeError);
    expect(() => new blocks.FakeMachine({ mode: 'torque' as 'speed' })).toThrow(/mode must be 'speed' or 'position', got "torque"/);
  });

  it("has the original's defaults", () => {
    const machine = new blocks.FakeMachine();
    expect(machine.freq).toBe(100);
    expect(machine.niceness).toBe(0);
    // Defaults rigidity 8.4e6, l0 200, nu 0.3, cmd label 'cmd', speed mode with vmax 5: 0.4 s at 10 mm/s moves 2 mm.
    const d = drive(new ProbeMachine({ sigma: {} }));
    d.block.setState({ prevT: 10 });
    d.clock.now = 10.4;
    d.inbox.push({ cmd: 10 });
    d.block.loop();
    const strain = 2 / 200;
    const plastic = blocks.FakeMachine.plastic(strain);
    expect(plastic).toBeGreaterThan(0);
    expect(d.block.state.rigidity).toBe(8.4e6);
    expectMessage(d.sent[0], {
      't(s)': 0.4,
      'F(N)': (strain - plastic) * 8.4e6,
      'x(mm)': 2,
      'Exx(%)': 1,
      'Eyy(%)': -0.3,
    });
  });

  it('breaks by default past 1.51 % of strain', () => {
    const d = drive(new ProbeMachine({ sigma: {} }));
    d.block.setState({ prevT: 10, currentPos: 3.02 });
    d.clock.now = 10.01;
    d.inbox.push({ cmd: 1 });
    d.block.loop();
    expect(d.block.state.rigidity).toBe(0);
  });

  it("has the original's plastic law", () => {
    expect(blocks.FakeMachine.plastic(0)).toBe(0);
    expect(blocks.FakeMachine.plastic(0.005)).toBe(0);
    expect(blocks.FakeMachine.plastic(0.025)).toBeCloseTo(0.02 * (Math.SQRT2 - 1), 15);
  });

  it('checks its options', () => {
    expect(() => new blocks.FakeMachine({ l0: 0 })).toThrow(/FakeMachine: l0 must be a number > 0/);
    expect(() => new blocks.FakeMachine({ rigidity: -1 })).toThrow(RangeError);
    expect(() => new blocks.FakeMachine({ sigma: { 'F(N)': -1 } })).toThrow(/sigma\['F\(N\)'\]/);
    expect(() => new blocks.FakeMachine({ plasticLaw: 3 as unknown as () => number })).toThrow(/plasticLaw must be a function/);
    expect(() => new blocks.FakeMachine({ freq: 0 })).toThrow(/freq must be a positive number/);
    expect(() => new blocks.FakeMachine({ cmd_label: 'x' } as never)).toThrow(/unknown option 'cmd_label'/);
  });

  it('throws a TypeError naming the Block for a command that is not a number', () => {
    const d = drive(new ProbeMachine({ sigma: {} }));
    d.block.setState({ prevT: 10 });
    d.clock.now = 11;
    d.inbox.push({ cmd: 'fast' });
    expect(() => d.block.loop()).toThrow(/crappy\.ProbeMachine-\d+: the command on 'cmd' must be a number/);
  });
});
