/**
 * Every Path (the original's tests/generator_path/), created as the Generator
 * does, with a clock moved by hand; including the sequences of commands the
 * original's tests check for Cyclic and Conditional.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DefinitionError, path, type DataLists } from '../../packages/core/src/index.js';
import { TestClock, thrown } from './harness.js';

const { Path, PathEnd, Constant, Ramp, Sine, Cyclic, CyclicRamp, Conditional, Integrator, Custom } = path;

const T0 = 1000;

/** Creates a Path as the Generator would, starting at T0 with `lastCmd`. */
function make<P extends path.Path>(cls: path.PathClass<P>, options: object, lastCmd: number | null = null): { p: P; clock: TestClock } {
  const clock = new TestClock(T0);
  return { p: Path.create(cls, options, { t0: T0, lastCmd, clock }), clock };
}

/** The commands of `p` for each data, `'end'` where it ended (and nothing after). */
function play(p: path.Path, inputs: DataLists[], clock?: TestClock, step = 0): (number | null | 'end')[] {
  const out: (number | null | 'end')[] = [];
  for (const data of inputs) {
    try {
      out.push(p.getCmd(data));
    } catch (error) {
      expect(error).toBeInstanceOf(PathEnd);
      out.push('end');
      break;
    }
    clock?.advance(step);
  }
  return out;
}

describe('Path base', () => {
  it('built-in Paths are registered by class name', () => {
    for (const name of ['Constant', 'Ramp', 'Sine', 'Cyclic', 'CyclicRamp', 'Conditional', 'Integrator', 'Custom']) {
      expect(Path.classes.get(name)?.name).toBe(name);
    }
  });

  it('create() hands t0, lastCmd and the clock to the constructor; direct construction starts at 0 after no command', () => {
    const seen: unknown[] = [];
    class Probe extends Path {
      constructor(options: { k: number }) {
        super();
        seen.push([this.t0, this.lastCmd, options.k]);
      }
      getCmd(): number {
        return this.elapsed();
      }
    }
    const clock = new TestClock(50);
    const p = Path.create(Probe, { k: 1 }, { t0: 40, lastCmd: 7, clock });
    expect(p.getCmd()).toBe(10);
    new Probe({ k: 2 });
    expect(seen).toEqual([[40, 7, 1], [0, null, 2]]);
    expect(Path.classes.get('Probe')).toBe(Probe);
  });

  it('a second class with a built-in name is a DefinitionError', () => {
    const Ramp = class Ramp extends Path {
      getCmd(): number {
        return 0;
      }
    };
    expect(() => new Ramp()).toThrow(DefinitionError);
  });

  it('end() throws PathEnd naming the Path', () => {
    const { p } = make(Constant, { condition: 'x>0', value: 1 });
    const error = thrown(() => p.getCmd({ x: [1] }));
    expect(error).toBeInstanceOf(PathEnd);
    expect(error.message).toBe('end of the Constant Path');
  });

  it('options are checked: unknown names (with a camelCase hint), wrong types, missing conditions', () => {
    expect(thrown(() => make(Ramp, { condition: null, speed: 1, init_value: 0 })).message).toBe(
      "Ramp: unknown option 'init_value' (known: condition, speed, initValue); did you mean 'initValue'?",
    );
    const wrongType = thrown(() => make(Ramp, { condition: null, speed: '1', initValue: 0 }));
    expect(wrongType).toBeInstanceOf(TypeError);
    expect(wrongType.message).toBe('Ramp: option \'speed\' must be a number, got "1"');
    expect(thrown(() => make(Ramp, { condition: null, speed: Number.NaN, initValue: 0 }))).toBeInstanceOf(RangeError);
    const missing = thrown(() => make(Constant, { value: 1 }));
    expect(missing).toBeInstanceOf(TypeError);
    expect(missing.message).toBe("Constant: option 'condition' is required (null for a condition that never holds)");
    expect(thrown(() => make(Constant, { condition: 'x>>1', value: 1 })).message).toMatch(/^Constant: option 'condition': invalid condition 'x>>1'/);
    expect(thrown(() => make(Sine, 'oops' as unknown as object)).message).toBe('Sine: the options must be an object, got "oops"');
  });
});

describe('Constant', () => {
  it('sends its value until the condition holds', () => {
    const { p } = make(Constant, { condition: 'x>1', value: 3 });
    expect(play(p, [{}, { x: [0] }, { x: [2] }, {}])).toEqual([3, 3, 'end']);
  });

  it('holds the previous command without a value; the first Path needs one', () => {
    expect(make(Constant, { condition: null }, 4.5).p.getCmd({})).toBe(4.5);
    expect(make(Constant, { condition: null, value: null }, 4.5).p.getCmd({})).toBe(4.5);
    const error = thrown(() => make(Constant, { condition: null }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toMatch(/^Constant: option 'value' is required for the first Path/);
  });

  it("'delay=x' counts from the Path's t0", () => {
    const { p, clock } = make(Constant, { condition: 'delay=2', value: 1 });
    expect(play(p, [{}, {}, {}, {}], clock, 1)).toEqual([1, 1, 1, 'end']);
  });
});

describe('Ramp', () => {
  it('goes from initValue at speed units/s', () => {
    const { p, clock } = make(Ramp, { condition: 'x>10', speed: 2, initValue: 1 });
    expect(play(p, [{}, {}, {}, { x: [11] }], clock, 0.5)).toEqual([1, 2, 3, 'end']);
  });

  it('starts from the previous command without initValue; the first Path needs it', () => {
    const { p, clock } = make(Ramp, { condition: null, speed: -1 }, 10);
    clock.advance(3);
    expect(p.getCmd({})).toBe(7);
    expect(thrown(() => make(Ramp, { condition: null, speed: 1 })).message).toMatch(/^Ramp: option 'initValue' is required for the first Path/);
    expect(thrown(() => make(Ramp, { condition: null, initValue: 0 })).message).toBe("Ramp: option 'speed' is required");
  });
});

describe('Sine', () => {
  it('sin(2π·freq·t − phase)·amplitude/2 + offset: amplitude is peak to peak', () => {
    const { p, clock } = make(Sine, { condition: null, freq: 0.5, amplitude: 4, offset: 1 });
    // period 2 s: 0, quarter, half, three quarters
    const values = play(p, [{}, {}, {}, {}], clock, 0.5) as number[];
    expect(values[0]).toBeCloseTo(1, 12);
    expect(values[1]).toBeCloseTo(3, 12);
    expect(values[2]).toBeCloseTo(1, 12);
    expect(values[3]).toBeCloseTo(-1, 12);
  });

  it('the phase is subtracted; offset and phase default to 0', () => {
    const { p } = make(Sine, { condition: null, freq: 1, amplitude: 2, phase: Math.PI / 2 });
    expect(p.getCmd({})).toBeCloseTo(-1, 12);
    expect(thrown(() => make(Sine, { condition: null, freq: 1 })).message).toBe("Sine: option 'amplitude' is required");
  });

  it('ends on its condition', () => {
    const { p } = make(Sine, { condition: 'stop>0', freq: 1, amplitude: 2 });
    expect(play(p, [{}, { stop: [1] }])).toEqual([0, 'end']);
  });
});

describe('Cyclic', () => {
  it("the original's checked sequence: cycles 1.5 gives 1, 2, 2, 1, 1, then ends", () => {
    const { p } = make(Cyclic, { condition1: 'x>1', condition2: 'x<0', value1: 1, value2: 2, cycles: 1.5 });
    expect(play(p, [{}, { x: [2] }, {}, { x: [-1] }, {}, { x: [2] }, {}])).toEqual([1, 2, 2, 1, 1, 'end']);
  });

  it('runs trunc(2 × cycles) phases: 1 cycle is two phases, 0.2 none', () => {
    const { p } = make(Cyclic, { condition1: 'x>1', condition2: 'x>1', value1: 1, value2: 2 });
    expect(p.phases).toBe(2);
    expect(play(p, [{}, { x: [2] }, { x: [2] }])).toEqual([1, 2, 'end']);
    expect(play(make(Cyclic, { condition1: null, condition2: null, value1: 1, value2: 2, cycles: 0.2 }).p, [{}])).toEqual(['end']);
  });

  it('cycles ≤ 0 never ends', () => {
    const { p } = make(Cyclic, { condition1: 'x>1', condition2: 'x>1', value1: 1, value2: 2, cycles: 0 });
    expect(p.phases).toBe(Infinity);
    const switching = Array.from({ length: 50 }, () => ({ x: [2] }));
    const out = play(p, switching);
    expect(out).toHaveLength(50);
    expect(out.slice(0, 4)).toEqual([2, 1, 2, 1]);
  });

  it("each switch restarts t0, so 'delay=x' counts from the start of the phase", () => {
    const { p, clock } = make(Cyclic, { condition1: 'delay=1', condition2: 'delay=2', value1: 5, value2: 6, cycles: 2 });
    // one command per 0.6 s: phase 1 lasts until t > 1, phase 2 until 2 s after its start
    expect(play(p, Array.from({ length: 12 }, () => ({})), clock, 0.6)).toEqual([5, 5, 6, 6, 6, 6, 5, 5, 6, 6, 6, 6]);
    expect(p.t0).toBeCloseTo(T0 + 4.8, 9);
  });

  it('needs both values and conditions', () => {
    expect(thrown(() => make(Cyclic, { condition1: null, condition2: null, value1: 1 })).message).toBe("Cyclic: option 'value2' is required");
    expect(thrown(() => make(Cyclic, { condition1: null, value1: 1, value2: 2 })).message).toMatch(/^Cyclic: option 'condition2' is required/);
  });
});

describe('CyclicRamp', () => {
  it('ramps at speed1, then at speed2 from where the first ramp stopped', () => {
    const { p, clock } = make(CyclicRamp, { condition1: 'x>1', condition2: 'x<0', speed1: 2, speed2: -1, initValue: 10, cycles: 1 });
    expect(p.getCmd({})).toBe(10);
    clock.advance(1);
    expect(p.getCmd({})).toBe(12);
    clock.advance(1);
    // switch: the peak is 14, the second ramp starts there
    expect(p.getCmd({ x: [2] })).toBe(14);
    clock.advance(3);
    expect(p.getCmd({})).toBe(11);
    expect(() => p.getCmd({ x: [-1] })).toThrow(PathEnd);
  });

  it('starts from the previous command without initValue; the first Path needs one', () => {
    const { p, clock } = make(CyclicRamp, { condition1: null, condition2: null, speed1: 1, speed2: 1 }, 3);
    clock.advance(2);
    expect(p.getCmd({})).toBe(5);
    expect(thrown(() => make(CyclicRamp, { condition1: null, condition2: null, speed1: 1, speed2: 1 })).message).toMatch(
      /^CyclicRamp: option 'initValue' is required for the first Path/,
    );
  });

  it('cycles ≤ 0 never ends; 1.5 cycles is three ramps', () => {
    const endless = make(CyclicRamp, { condition1: null, condition2: null, speed1: 1, speed2: 1, cycles: -1, initValue: 0 }).p;
    expect(endless.phases).toBe(Infinity);
    const { p } = make(CyclicRamp, { condition1: 'x>0', condition2: 'x>0', speed1: 1, speed2: -1, cycles: 1.5, initValue: 0 });
    expect(play(p, [{ x: [1] }, { x: [1] }, { x: [1] }])).toEqual([0, 0, 'end']);
  });
});

describe('Conditional', () => {
  it("the original's checked sequence: 5, 10, 10, 5, 20, 20, 5", () => {
    const { p } = make(Conditional, { condition1: 'x>1', condition2: 'x<0', value1: 10, value2: 20, value0: 5 });
    const inputs: DataLists[] = [{}, { x: [2] }, {}, { x: [0.5] }, { x: [-1] }, { x: [] }, { y: [1] }];
    expect(play(p, inputs)).toEqual([5, 10, 10, 5, 20, 20, 5]);
  });

  it('value0 defaults to 0; it never ends', () => {
    const { p } = make(Conditional, { condition1: 'x>1', condition2: 'x<0', value1: 10, value2: 20 });
    expect(play(p, Array.from({ length: 20 }, () => ({})))).toEqual(Array.from({ length: 20 }, () => 0));
  });
});

describe('Integrator', () => {
  it('adds the trapezoidal integral of each batch, joined to the previous batch, divided by the inertia', () => {
    const { p } = make(Integrator, { condition: null, inertia: 2, funcLabel: 'f', initValue: 1 });
    expect(p.getCmd({})).toBe(1);
    // one point: no area yet
    expect(p.getCmd({ 't(s)': [0], f: [4] })).toBe(1);
    // from (0, 4) to (1, 4) and (2, 0): area 4 + 2 = 6, / 2
    expect(p.getCmd({ 't(s)': [1, 2], f: [4, 0] })).toBe(4);
    // a batch without the time label changes nothing
    expect(p.getCmd({ f: [100] })).toBe(4);
    // joined to (2, 0): area (3 − 2) × (0 + 2) / 2 = 1, / 2
    expect(p.getCmd({ 't(s)': [3], f: [2] })).toBe(4.5);
  });

  it('uses timeLabel, starts from the previous command, ends on its condition', () => {
    const { p } = make(Integrator, { condition: 'stop>0', inertia: -1, funcLabel: 'f', timeLabel: 'time' }, 10);
    expect(p.getCmd({ time: [0, 1], f: [1, 1] })).toBe(9);
    expect(() => p.getCmd({ stop: [1] })).toThrow(PathEnd);
  });

  it('checks its options and the batches', () => {
    expect(thrown(() => make(Integrator, { condition: null, inertia: 0, funcLabel: 'f', initValue: 0 })).message).toBe(
      "Integrator: option 'inertia' must not be 0",
    );
    expect(thrown(() => make(Integrator, { condition: null, inertia: 1, initValue: 0 })).message).toBe(
      "Integrator: option 'funcLabel' is required and must be a non-empty string, got a undefined",
    );
    expect(thrown(() => make(Integrator, { condition: null, inertia: 1, funcLabel: 'f' })).message).toMatch(/initValue' is required for the first Path/);
    const { p } = make(Integrator, { condition: null, inertia: 1, funcLabel: 'f', initValue: 0 });
    expect(thrown(() => p.getCmd({ 't(s)': [0, 1], f: [1] })).message).toMatch(/received 1 values of 'f' but 2 of 't\(s\)'/);
  });
});

describe('Custom', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crappy-custom-'));
  const file = (name: string, text: string): string => {
    const full = join(dir, name);
    writeFileSync(full, text);
    return full;
  };

  it('interpolates linearly at the time since t0 and ends after the last time', () => {
    const fileName = file('ok.csv', '# t, value\n0,0\n1,10\n\n3,0\n');
    const { p, clock } = make(Custom, { fileName });
    expect(play(p, Array.from({ length: 8 }, () => ({})), clock, 0.5)).toEqual([0, 5, 10, 7.5, 5, 2.5, 0, 'end']);
  });

  it('holds the first value before the first time; accepts a file URL, another delimiter and a step', () => {
    const fileName = pathToFileURL(file('step.txt', '1;2\r\n2;2\r\n2;8\r\n4;8\r\n'));
    const { p, clock } = make(Custom, { fileName, delimiter: ';' });
    expect(play(p, [{}, {}, {}, {}, {}], clock, 1)).toEqual([2, 2, 8, 8, 8]);
  });

  it('a whitespace delimiter accepts runs of spaces and tabs', () => {
    const { p, clock } = make(Custom, { fileName: file('ws.txt', '0   1\n2\t\t3\n'), delimiter: ' ' });
    clock.advance(1);
    expect(p.getCmd({})).toBe(2);
  });

  it('a wrong number of columns names the file and the line', () => {
    const fileName = file('three.csv', '0,1\n1,2,3\n');
    const error = thrown(() => make(Custom, { fileName }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(`Custom: file '${fileName}', line 2: expected 2 columns (time,value), got 3: '1,2,3'`);
    const one = file('one.csv', '0\n');
    expect(thrown(() => make(Custom, { fileName: one })).message).toBe(`Custom: file '${one}', line 1: expected 2 columns (time,value), got 1: '0'`);
  });

  it('rejects non-numbers, times going back, empty files and missing files', () => {
    const bad = file('bad.csv', '0,1\n1,x\n');
    expect(thrown(() => make(Custom, { fileName: bad })).message).toBe(`Custom: file '${bad}', line 2: 'x' is not a number`);
    const back = file('back.csv', '0,1\n2,1\n1,1\n');
    expect(thrown(() => make(Custom, { fileName: back })).message).toMatch(/line 3: the time 1 is before the previous one \(2\)/);
    const empty = file('empty.csv', '# nothing\n\n');
    expect(thrown(() => make(Custom, { fileName: empty })).message).toBe(`Custom: the file '${empty}' holds no point`);
    const missing = join(dir, 'missing.csv');
    expect(thrown(() => make(Custom, { fileName: missing })).message).toMatch(new RegExp(`^Custom: cannot read the file '${missing}': ENOENT`));
    expect(thrown(() => make(Custom, {})).message).toMatch(/^Custom: option 'fileName' is required/);
  });
});
