/**
 * The Generator Block (the original's tests/blocks/test_generator.py): its
 * construction (U-G1) and its run (U-G2), driven in this thread with a
 * hand-moved clock and its Links replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  blocks,
  GeneratorStop,
  LogLevel,
  path,
  reset,
  type DataLists,
} from '../../packages/core/src/index.js';
import { eventStates, joinRun, runInThread } from '../block/block-harness.js';
import { drive, thrown } from './harness.js';

const { Generator } = blocks;
const T0 = 1000;

afterEach(() => {
  reset();
});

/** A Path that sends `value` and ends when `end` is received, recording what it saw. */
class Scripted extends path.Path {
  static made: { t0: number; lastCmd: number | null; value: number }[] = [];
  readonly seen: DataLists[] = [];
  private readonly value: number | null;

  constructor(options: { value: number | null }) {
    super();
    this.value = options.value;
    Scripted.made.push({ t0: this.t0, lastCmd: this.lastCmd, value: options.value ?? NaN });
  }

  getCmd(data: DataLists): number | null {
    this.seen.push(data);
    if (data.end !== undefined) {
      this.log('info', 'ending');
      this.end();
    }
    return this.value;
  }
}
path.Path.classes.register(Scripted);

describe('construction (U-G1)', () => {
  it('defaults: freq 200, labels t(s)/cmd/index, niceness −5, endDelay 2', () => {
    const gen = new Generator([{ type: 'Constant', value: 0, condition: null }]);
    expect(gen.freq).toBe(200);
    expect(gen.labels).toEqual(['t(s)', 'cmd', 'index']);
    expect(gen.niceness).toBe(-5);
    expect(gen.endDelay).toBe(2);
    expect([gen.repeat, gen.spam, gen.safeStart, gen.displayFreq, gen.debug]).toEqual([false, false, false, false, false]);
    expect(gen.pausable).toBe(true);
  });

  it('takes its options', () => {
    const gen = new Generator([{ type: 'Constant', value: 0, condition: null }], {
      freq: null,
      cmdLabel: 'F(N)',
      pathIndexLabel: 'step',
      repeat: true,
      spam: true,
      displayFreq: true,
      endDelay: null,
      safeStart: true,
      debug: null,
    });
    expect(gen.freq).toBeNull();
    expect(gen.labels).toEqual(['t(s)', 'F(N)', 'step']);
    expect([gen.repeat, gen.spam, gen.safeStart, gen.displayFreq, gen.debug, gen.endDelay]).toEqual([true, true, true, true, null, null]);
  });

  it.each([
    [{ fre: 10 }, TypeError, "Generator: unknown option 'fre' (known: freq, cmdLabel, pathIndexLabel, repeat, spam, displayFreq, endDelay, safeStart, debug)"],
    [{ cmd_label: 'x' }, TypeError, /did you mean 'cmdLabel'\?$/],
    [{ freq: 0 }, RangeError, "Generator: option 'freq' must be a positive number of loops per second or null, got 0"],
    [{ endDelay: -1 }, RangeError, "Generator: option 'endDelay' must be a number of seconds ≥ 0 or null, got -1"],
    [{ repeat: 1 }, TypeError, "Generator: option 'repeat' must be true or false, got 1"],
    [{ cmdLabel: '' }, TypeError, `Generator: option 'cmdLabel' must be a non-empty string, got ""`],
    [{ debug: 'yes' }, TypeError, `Generator: option 'debug' must be true, false or null, got "yes"`],
  ])('bad options: %j', (options, kind, message) => {
    const error = thrown(() => new Generator([{ type: 'Constant', value: 0, condition: null }], options as object));
    expect(error).toBeInstanceOf(kind);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('takes its path in one options object too, as the original is called (path=[...], freq=...)', () => {
    const gen = new Generator({ path: [{ type: 'Constant', value: 1, condition: null }], freq: 50, cmdLabel: 'F' });
    expect(gen.freq).toBe(50);
    expect(gen.labels).toEqual(['t(s)', 'F', 'index']);
    expect(() => new Generator({ freq: 50 } as never)).toThrow(TypeError);
    expect(() => new Generator([{ type: 'Constant', value: 1, condition: null }], { path: [] } as never)).toThrow(
      'Generator: path is given twice, as an argument and in the options',
    );
  });

  it('an unknown type names the entry and the known types', () => {
    const error = thrown(() => new Generator([{ type: 'Constant', value: 0, condition: null }, { type: 'Rampe', speed: 1, condition: null }]));
    expect(error).toBeInstanceOf(RangeError);
    // the original's wording, then how to add a type
    expect(error.message).toMatch(/^Generator: path entry 1: Unknown Generator path type : Rampe ! The possible types are : .*\bConditional, Constant, Custom, Cyclic, CyclicRamp, Integrator, Ramp,.*Sine\b.*Path\.classes\.register/);
  });

  it('every entry is created at construction: its errors name the entry, keeping their kind and caret', () => {
    const first = thrown(() => new Generator([{ type: 'Ramp', speed: 1, condition: null }]));
    expect(first).toBeInstanceOf(RangeError);
    expect(first.message).toMatch(/^Generator: path entry 0: Ramp: option 'initValue' is required for the first Path/);
    // later entries are created after a command of 0, so they need no initial value
    expect(() => new Generator([{ type: 'Constant', value: 1, condition: null }, { type: 'Ramp', speed: 1, condition: null }])).not.toThrow();
    const bad = thrown(() => new Generator([{ type: 'Constant', value: 1, condition: null }, { type: 'Constant', condition: 'x>>2' }]));
    expect(bad).toBeInstanceOf(RangeError);
    expect(bad.message.split('\n')).toEqual([
      "Generator: path entry 1: Constant: option 'condition': invalid condition 'x>>2': expected a number after '>', got '>2'",
      '    x>>2',
      '      ^',
    ]);
    const typed = thrown(() => new Generator([{ type: 'Sine', freq: '1', amplitude: 1, condition: null }]));
    expect(typed).toBeInstanceOf(TypeError);
    expect(typed.message).toBe('Generator: path entry 0: Sine: option \'freq\' must be a number, got "1"');
  });

  it('checks the path list and its entries', () => {
    expect(thrown(() => new Generator([])).message).toBe('Generator: path must hold at least one Path');
    expect(thrown(() => new Generator({} as never)).message).toBe('Generator: path is required, as argument 1 or in a single options object ({ path, ... })');
    expect(thrown(() => new Generator('Ramp' as never)).message).toBe('Generator: path must be an array of {type, ...options}, got "Ramp"');
    expect(thrown(() => new Generator([null as never])).message).toBe('Generator: path entry 0 must be an object {type, ...options}, got null');
    const notPath = thrown(() => new Generator([{ type: Date as never }]));
    expect(notPath).toBeInstanceOf(TypeError);
    expect(notPath.message).toBe("Generator: path entry 0: 'type' must be the name of a Path or a Path class, got the function Date");
  });

  it('creates each entry once at construction, the first after no command, the others after a command of 0', () => {
    Scripted.made = [];
    new Generator([{ type: 'Scripted', value: 1 }, { type: Scripted, value: 2 }]);
    expect(Scripted.made).toEqual([
      { t0: 0, lastCmd: null, value: 1 },
      { t0: 0, lastCmd: 0, value: 2 },
    ]);
  });
});

describe('run (U-G2)', () => {
  it('begin() starts the first Path at t0; sends [t − t0, cmd, index] only when the command changes', () => {
    const run = drive(new Generator([{ type: 'Ramp', speed: 1, initValue: 0, condition: 'x>2' }]), T0);
    run.block.begin();
    run.clock.advance(0.5);
    run.block.loop();
    run.block.loop(); // same time, same command: nothing
    run.clock.advance(0.5);
    run.block.loop();
    expect(run.sent).toEqual([
      [0.5, 0.5, 0],
      [1, 1, 0],
    ]);
  });

  it('spam sends at every loop', () => {
    const run = drive(new Generator([{ type: 'Constant', value: 3, condition: null }], { spam: true }), T0);
    run.block.begin();
    for (let i = 0; i < 3; i++) {
      run.block.loop();
      run.clock.advance(0.25);
    }
    expect(run.sent).toEqual([
      [0, 3, 0],
      [0.25, 3, 0],
      [0.5, 3, 0],
    ]);
  });

  it('a null command sends nothing', () => {
    const run = drive(new Generator([{ type: 'Scripted', value: null }]), T0);
    run.block.begin();
    run.block.loop();
    run.block.loop();
    expect(run.sent).toEqual([]);
  });

  it('on the end of a Path, the next one starts at the last loop time after the last sent command, and gets fresh data', () => {
    Scripted.made = [];
    const run = drive(new Generator([{ type: 'Scripted', value: 1 }, { type: 'Scripted', value: 2 }], { endDelay: null }), T0);
    run.block.begin();
    run.clock.advance(1);
    run.block.loop();
    run.clock.advance(1);
    run.inbox.push({ end: [1] }, { other: [5] });
    run.block.loop();
    expect(Scripted.made.slice(2)).toEqual([
      { t0: T0, lastCmd: null, value: 1 },
      { t0: T0 + 2, lastCmd: 1, value: 2 },
    ]);
    // the index changed, so [t, 2, 1] is sent within the same loop, with the data received after the switch
    expect(run.sent).toEqual([
      [1, 1, 0],
      [2, 2, 1],
    ]);
    expect(run.logs.map((r) => r.message)).toEqual([
      'Next generator path (index 0): Scripted',
      'Scripted: ending',
      'Next generator path (index 1): Scripted',
    ]);
  });

  it('a new index is sent even when the command is the same', () => {
    const run = drive(
      new Generator([
        { type: 'Constant', value: 1, condition: 'x>0' },
        { type: 'Constant', condition: null },
      ]),
      T0,
    );
    run.block.begin();
    run.block.loop();
    run.inbox.push({ x: [1] });
    run.block.loop();
    expect(run.sent).toEqual([
      [0, 1, 0],
      [0, 1, 1],
    ]);
  });

  it('after the last Path: waits endDelay (in short sleeps), then throws GeneratorStop', async () => {
    const run = drive(new Generator([{ type: 'Constant', value: 1, condition: 'x>0' }]), T0);
    run.block.begin();
    run.block.loop();
    run.inbox.push({ x: [1] });
    const pending = run.block.loop();
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toBeInstanceOf(GeneratorStop);
    expect(run.clock.now).toBeCloseTo(T0 + 2, 9);
    expect(Math.max(...run.clock.sleeps)).toBeLessThanOrEqual(0.1);
  });

  it('stops waiting endDelay when the run is stopping', async () => {
    const run = drive(new Generator([{ type: 'Constant', value: 1, condition: 'x>0' }], { endDelay: 100 }), T0);
    run.block.begin();
    run.inbox.push({ x: [1] });
    run.control.stop.set();
    await expect(run.block.loop()).rejects.toBeInstanceOf(GeneratorStop);
    expect(run.clock.sleeps).toEqual([]);
  });

  it('endDelay also ends with a clock that does not move while sleeping (the sleeps add up to it)', async () => {
    const run = drive(new Generator([{ type: 'Constant', value: 1, condition: 'x>0' }], { endDelay: 1 }), T0);
    run.block.begin();
    run.inbox.push({ x: [1] });
    const sleeps: number[] = [];
    run.block.clock = {
      time: () => T0 + 3,
      sleep: (seconds) => {
        sleeps.push(seconds);
        // fail rather than hang if the wait relied on the clock alone
        if (sleeps.length > 1000) throw new Error('endless wait');
        return Promise.resolve();
      },
    };
    await expect(run.block.loop()).rejects.toBeInstanceOf(GeneratorStop);
    expect(sleeps).toHaveLength(10);
    expect(sleeps.reduce((sum, seconds) => sum + seconds, 0)).toBeCloseTo(1, 9);
  });

  it('endDelay null: stays idle after the last Path, receiving and sending nothing', () => {
    const run = drive(new Generator([{ type: 'Constant', value: 1, condition: 'x>0' }], { endDelay: null }), T0);
    run.block.begin();
    run.inbox.push({ x: [1] });
    expect(run.block.loop()).toBeUndefined();
    run.inbox.push({ y: [1] });
    const received = run.received;
    run.block.loop();
    run.block.loop();
    expect(run.received).toBe(received);
    expect(run.inbox).toEqual([{ y: [1] }]);
    expect(run.sent).toEqual([]);
    expect(run.logs.filter((r) => r.level === LogLevel.WARNING).map((r) => r.message)).toEqual([
      'Generator path exhausted, staying idle until the run ends',
    ]);
  });

  it('repeat: starts over after the last Path, the index keeps increasing', () => {
    const run = drive(
      new Generator(
        [
          { type: 'Constant', value: 1, condition: 'x>0' },
          { type: 'Constant', value: 2, condition: 'x>0' },
        ],
        { repeat: true },
      ),
      T0,
    );
    run.block.begin();
    for (let i = 0; i < 5; i++) {
      run.inbox.push({ x: [1] });
      run.block.loop();
    }
    expect(run.sent.map((m) => (m as number[]).slice(1))).toEqual([
      [2, 1],
      [1, 2],
      [2, 3],
      [1, 4],
      [2, 5],
    ]);
  });

  it('repeat with Paths that all end at once is an error, not an endless loop', () => {
    const run = drive(new Generator([{ type: 'Constant', value: 1, condition: 'delay=-1' }], { repeat: true }), T0);
    run.block.begin();
    expect(thrown(() => run.block.loop()).message).toBe(
      'Generator: every Path ends as soon as it starts; with repeat, the Generator would loop forever',
    );
  });

  it('safeStart: neither receives nor sends before the first data is available', async () => {
    const run = drive(new Generator([{ type: 'Constant', value: 1, condition: 'x>5' }], { safeStart: true }), T0);
    run.block.begin();
    run.block.loop();
    run.block.loop();
    expect(run.sent).toEqual([]);
    expect(run.received).toBe(0);
    run.inbox.push({ x: [6] }, { x: [0] });
    // the first data ends the first (and only) Path at once, as the condition asks
    await expect(run.block.loop()).rejects.toBeInstanceOf(GeneratorStop);
    expect(run.sent).toEqual([]);
  });

  it('safeStart: sends from the loop where data first arrived', () => {
    const run = drive(new Generator([{ type: 'Constant', value: 1, condition: 'x>5' }], { safeStart: true }), T0);
    run.block.begin();
    run.block.loop();
    run.clock.advance(1);
    run.inbox.push({ x: [0] });
    run.block.loop();
    run.block.loop();
    expect(run.sent).toEqual([[1, 1, 0]]);
  });

  it('the Paths use the Generator clock', () => {
    const run = drive(new Generator([{ type: 'Sine', freq: 1, amplitude: 2, condition: 'delay=0.5' }], { spam: true }), T0);
    run.block.begin();
    run.clock.advance(0.25);
    run.block.loop();
    expect((run.sent[0] as number[])[1]).toBeCloseTo(1, 12);
  });
});

describe('in a run', () => {
  it('ends the run quietly with GeneratorStop: stop set, nothing raised', async () => {
    const gen = new Generator([{ type: 'Constant', value: 1, condition: 'delay=0.05' }], { endDelay: 0, freq: 100 });
    const run = runInThread(gen);
    expect(await joinRun(run)).toBe(true);
    expect(eventStates(run.control)).toMatchObject({ stop: true, raise: false, kbi: false });
    expect(run.logs.some((r) => r.level === LogLevel.WARNING && r.message.startsWith('GeneratorStop: all the Paths are done'))).toBe(true);
  });
});
