// The PID Block in the test's thread, as the original's
// tests/blocks/test_pid.py checks it (cases PID1-PID7 below): t0 = 10, the
// clock reads 15 unless said otherwise, recvLastData stubbed.
import { afterEach, describe, expect, it } from 'vitest';
import { Block, blocks, link, reset, type Message } from '../../packages/core/src/index.js';
import { attachRun, captureLogs, captureSends, Dummy, stubLastData } from './harness.js';

const { PID } = blocks;
type PIDOptions = ConstructorParameters<typeof PID>[1];

afterEach(() => {
  reset();
});

/** Checks two arrays of numbers are equal within 5e-8 (the original's assertAlmostEqual, to 7 places). */
function expectClose(actual: unknown, expected: number[]): void {
  expect(Array.isArray(actual)).toBe(true);
  const values = actual as number[];
  expect(values).toHaveLength(expected.length);
  values.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(5e-8));
}

/** A PID at t0 = 10 with its clock at 15, fed `messages` one per loop. */
function pidWith(kp: number, options: PIDOptions, messages: Message[]) {
  const pid = new PID(kp, options);
  const clock = attachRun(pid, 10, 15);
  const sent = captureSends(pid);
  captureLogs(pid);
  const recvCalls = stubLastData(pid, messages);
  return { pid, clock, sent, recvCalls };
}

describe('PID1: output labels', () => {
  it("defaults to ['t(s)', 'pid'], takes custom labels, and adds the terms with sendTerms", () => {
    expect(new PID(1).labels).toEqual(['t(s)', 'pid']);
    expect(new PID(1, { labels: ['time', 'drive'] }).labels).toEqual(['time', 'drive']);
    expect(new PID(1, { sendTerms: true }).labels).toEqual(['t(s)', 'pid', 'p_term', 'i_term', 'd_term']);
    expect(new PID(1, { labels: ['time', 'drive'], sendTerms: true }).labels).toEqual(['time', 'drive', 'p_term', 'i_term', 'd_term']);
  });
});

describe('PID2: gain signs', () => {
  it('makes every initial gain positive, or negative with reverse', () => {
    const normal = new PID(-1, { ki: -2, kd: -3 });
    expect([normal.kp, normal.ki, normal.kd]).toEqual([1, 2, 3]);
    const reversed = new PID(1, { ki: 2, kd: 3, reverse: true });
    expect([reversed.kp, reversed.ki, reversed.kd]).toEqual([-1, -2, -3]);
  });

  it('applies the same rule to gains received during the run', () => {
    const { pid, sent } = pidWith(1, { ki: 1, kd: 1 }, [{ kp: -2, ki: -3, kd: -4, cmd: 10, V: 7, 't(s)': 1 }]);
    pid.loop();
    expect([pid.kp, pid.ki, pid.kd]).toEqual([2, 3, 4]);
    expect(sent).toEqual([[5, 6]]);
  });

  it('applies the reverse rule to gains received during the run', () => {
    const { pid, sent } = pidWith(1, { ki: 1, kd: 1, reverse: true }, [{ kp: 2, ki: 3, kd: 4, cmd: 10, V: 7, 't(s)': 1 }]);
    pid.loop();
    expect([pid.kp, pid.ki, pid.kd]).toEqual([-2, -3, -4]);
    expect(sent).toEqual([[5, -6]]);
  });
});

describe('negative zeros', () => {
  it('sends 0, never −0, and keeps zero gains at 0 with reverse (the original compares with ==)', () => {
    const { pid, sent } = pidWith(2, { reverse: true, sendTerms: true }, [
      { cmd: 7, V: 7, 't(s)': 1 },
      { V: 7, 't(s)': 2 },
    ]);
    expect([pid.ki, pid.kd]).toEqual([0, 0]);
    pid.loop();
    pid.loop();
    // reversed P of a zero error, and D of a still input, would be −0
    expect(sent).toEqual([
      [5, 0, 0, 0, 0],
      [5, 0, 0, 0, 0],
    ]);
  });
});

describe('constructor', () => {
  it('takes kp in one options object too, as the original is called (kp=1, ki=..., ...)', () => {
    const pid = new PID({ kp: -2, ki: 3, reverse: true, sendTerms: true });
    expect([pid.kp, pid.ki, pid.kd]).toEqual([-2, -3, 0]);
    expect(pid.labels).toEqual(['t(s)', 'pid', 'p_term', 'i_term', 'd_term']);
    expect(() => new PID({ ki: 1 } as never)).toThrow(new TypeError('PID: kp is required, as argument 1 or in a single options object ({ kp, ... })'));
    expect(() => new PID(1, { kp: 2 } as never)).toThrow('PID: kp is given twice, as an argument and in the options');
    expect(() => new PID({ kp: 1, kI: 2 } as never)).toThrow(/PID: unknown option 'kI'/);
  });
});

describe('PID3: bounds', () => {
  it('sorts the output bounds and the integral limits', () => {
    const pid = new PID(1, { outMin: 10, outMax: -5, iLimit: [3, -2] });
    expect([pid.outMin, pid.outMax]).toEqual([-5, 10]);
    expect(pid.iLimit).toEqual([-2, 3]);
  });
});

describe('PID4: prepare() needs an input and an output Link', () => {
  it('throws without an input or without an output, naming the Block', () => {
    const noInput = new PID(1);
    link(noInput, new Dummy());
    expect(() => noInput.prepare()).toThrow(`${noInput.name}: no Link points towards the PID Block`);

    const noOutput = new PID(1);
    link(new Dummy(), noOutput);
    expect(() => noOutput.prepare()).toThrow(`${noOutput.name}: the PID Block has no output Link`);

    const both = new PID(1);
    link(new Dummy(), both);
    link(both, new Dummy());
    expect(() => both.prepare()).not.toThrow();
  });
});

describe('PID5/PID6: the loop', () => {
  it('asks for the latest data without filling missing labels', () => {
    const { pid, sent, recvCalls } = pidWith(1, {}, [{ cmd: 10, V: 7, 't(s)': 1 }]);
    pid.loop();
    expect(recvCalls).toEqual([[false]]);
    expect(sent).toEqual([[5, 3]]);
  });

  it.each([
    ['nothing', {}, null],
    ['only a setpoint', { cmd: 12 }, 12],
    ['only an input', { V: 7 }, null],
    ['only a time', { 't(s)': 1 }, null],
  ])('sends nothing without a complete input (%s)', (_name, data, setpoint) => {
    const { pid, sent } = pidWith(1, {}, [data as Message]);
    pid.loop();
    expect(sent).toEqual([]);
    expect(pid.setpoint).toBe(setpoint);
    expect(pid.lastInput).toBeNull();
    expect(pid.prevT).toBeNull();
  });

  it('uses later a setpoint received without an input', () => {
    const { pid, sent } = pidWith(2, {}, [{ cmd: 12 }, { V: 7, 't(s)': 1 }]);
    pid.loop();
    pid.loop();
    expect(sent).toEqual([[5, 10]]);
  });

  it('uses later a gain received without an input', () => {
    const { pid, sent } = pidWith(1, {}, [{ kp: 2 }, { cmd: 10, V: 7, 't(s)': 1 }]);
    pid.loop();
    expect(pid.kp).toBe(2);
    pid.loop();
    expect(sent).toEqual([[5, 6]]);
  });

  it('takes the first input as the setpoint when none was received', () => {
    const { pid, sent } = pidWith(2, {}, [{ V: 7, 't(s)': 1 }]);
    pid.loop();
    expect(pid.setpoint).toBe(7);
    expect(sent).toEqual([[5, 0]]);
  });

  it('neither integrates nor derivates on the first input', () => {
    const { pid, sent } = pidWith(2, { ki: 3, kd: 4, sendTerms: true }, [{ cmd: 10, V: 7, 't(s)': 100 }]);
    pid.loop();
    expect(sent).toEqual([[5, 6, 6, 0, 0]]);
    expect(pid.prevT).toBe(100);
    expect(pid.lastInput).toBe(7);
    expect(pid.iTerm).toBe(0);
  });

  it('computes the three terms from the second input on', () => {
    const { pid, sent, clock } = pidWith(2, { ki: 3, kd: 4, sendTerms: true }, [
      { cmd: 10, V: 7, 't(s)': 1 },
      { V: 6, 't(s)': 3 },
    ]);
    pid.loop();
    clock.now = 16;
    pid.loop();
    expect(sent).toEqual([
      [5, 6, 6, 0, 0],
      [6, 34, 8, 24, 2],
    ]);
  });

  it('clamps the output to the sorted bounds', () => {
    const high = pidWith(10, { outMin: 4, outMax: -5 }, [{ cmd: 10, V: 7, 't(s)': 1 }]);
    high.pid.loop();
    expect(high.sent).toEqual([[5, 4]]);
    const low = pidWith(10, { outMin: 4, outMax: -5 }, [{ cmd: 0, V: 1, 't(s)': 1 }]);
    low.pid.loop();
    expect(low.sent).toEqual([[5, -5]]);
  });

  it('clamps the integral term to the limits', () => {
    const { pid, sent, clock } = pidWith(0, { ki: 2, kd: 0, iLimit: [-5, 5], sendTerms: true }, [
      { cmd: 10, V: 0, 't(s)': 0 },
      { V: 0, 't(s)': 1 },
      { V: 20, 't(s)': 2 },
    ]);
    pid.loop();
    clock.now = 16;
    pid.loop();
    clock.now = 17;
    pid.loop();
    expect(sent).toHaveLength(3);
    expectClose(sent[0], [5, 0, 0, 0, 0]);
    expectClose(sent[1], [6, 5, 0, 5, 0]);
    expectClose(sent[2], [7, -5, 0, -5, 0]);
  });

  it('gives a zero derivative term when no time passed', () => {
    const { pid, sent, clock } = pidWith(0, { ki: 0, kd: 10, sendTerms: true }, [
      { cmd: 10, V: 0, 't(s)': 1 },
      { V: 5, 't(s)': 1 },
    ]);
    pid.loop();
    clock.now = 16;
    pid.loop();
    expectClose(sent[1], [6, 0, 0, 0, 0]);
  });

  it('reads custom input labels', () => {
    const { pid, sent } = pidWith(2, { setpointLabel: 'target', inputLabel: 'actual', timeLabel: 'time' }, [
      { target: 5, actual: 2, time: 4 },
    ]);
    pid.loop();
    expect([pid.setpoint, pid.lastInput, pid.prevT]).toEqual([5, 2, 4]);
    expect(sent).toEqual([[5, 6]]);
  });

  it('reads gains on custom labels only', () => {
    const { pid, sent } = pidWith(1, { ki: 1, kd: 1, kpLabel: 'p_gain', kiLabel: 'i_gain', kdLabel: 'd_gain' }, [
      { kp: 100, ki: 100, kd: 100, p_gain: 2, i_gain: 3, d_gain: 4, cmd: 10, V: 8, 't(s)': 1 },
    ]);
    pid.loop();
    expect([pid.kp, pid.ki, pid.kd]).toEqual([2, 3, 4]);
    expect(sent).toEqual([[5, 4]]);
  });

  it('throws a TypeError naming the label for a value that is not a number', () => {
    const { pid } = pidWith(1, {}, [{ cmd: 10, V: '7', 't(s)': 1 }]);
    expect(() => pid.loop()).toThrow(`${pid.name}: the value of 'V' must be a number`);
  });
});

describe('PID7: a real send', () => {
  it('sends its custom labels and terms through a Link', () => {
    class Receiver extends Block {
      override loop(): void {}
    }
    const pid = new PID(2, { labels: ['time', 'drive'], sendTerms: true });
    const receiver = new Receiver();
    link(pid, receiver);
    attachRun(pid, 10, 15);
    captureLogs(pid);
    stubLastData(pid, [{ cmd: 10, V: 7, 't(s)': 1 }]);
    pid.loop();
    const got = receiver.recvData();
    expect(Object.keys(got)).toEqual(['time', 'drive', 'p_term', 'i_term', 'd_term']);
    const expected = { time: 5, drive: 6, p_term: 6, i_term: 0, d_term: 0 };
    for (const [label, value] of Object.entries(expected)) expect(got[label]).toBeCloseTo(value, 7);
  });
});

describe('defaults and options', () => {
  it('has the original defaults', () => {
    const pid = new PID(1);
    expect([pid.ki, pid.kd]).toEqual([0, 0]);
    expect([pid.outMin, pid.outMax]).toEqual([-Infinity, Infinity]);
    expect(pid.iLimit).toEqual([-Infinity, Infinity]);
    expect([pid.setpointLabel, pid.inputLabel, pid.timeLabel]).toEqual(['cmd', 'V', 't(s)']);
    expect([pid.kpLabel, pid.kiLabel, pid.kdLabel]).toEqual(['kp', 'ki', 'kd']);
    expect(pid.freq).toBe(500);
    expect(pid.niceness).toBe(-10);
    expect(pid.reverse).toBe(false);
    expect(pid.sendTerms).toBe(false);
  });

  it('validates its options with errors naming the class and the option', () => {
    expect(() => new PID('1' as unknown as number)).toThrow(/PID: kp must be a number/);
    expect(() => new PID(1, { ki: NaN })).toThrow(RangeError);
    expect(() => new PID(1, { iLimit: [1] as unknown as [number, number] })).toThrow(/PID: iLimit/);
    expect(() => new PID(1, { labels: ['a'] as unknown as [string, string] })).toThrow(/PID: labels/);
    expect(() => new PID(1, { inputLabel: 3 as unknown as string })).toThrow(/PID: inputLabel/);
    expect(() => new PID(1, { reverse: 1 as unknown as boolean })).toThrow(/PID: reverse/);
    expect(() => new PID(1, { freq: -1 })).toThrow(/PID: freq/);
    expect(() => new PID(1, { target_label: 'x' } as never)).toThrow(/PID: unknown option 'target_label'/);
  });
});
