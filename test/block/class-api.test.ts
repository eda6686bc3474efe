// The Block class API, in-thread: the class registry, instance names, reset(),
// stop() outside a run, and the instance defaults, as the original's
// tests/block/test_01_class_api.py checks them (cases C1-C5).
import { afterEach, describe, expect, it } from 'vitest';
import {
  Block,
  ControlBlock,
  type BlockOptions,
  DefinitionError,
  link,
  LogLevel,
  reset,
  runState,
  stop,
} from '../../packages/core/src/index.js';

class TestBlock extends Block {
  override loop(): void {}
}

class CustomBlock2 extends Block {
  override loop(): void {}
}

/** What the original's tearDown checks after every Block test, through the Block class. */
function expectResetState(): void {
  expect(Block.instances).toHaveLength(0);
  expect(Block.names).toHaveLength(0);
  expect(Block.threadStop).toBe(false);
  expect(Block.preparedAll).toBe(false);
  expect(Block.launchedAll).toBe(false);
  expect(Block.noRaise).toBe(false);
  expect(Block.sharedT0).toBeNull();
  expect(Block.readyBarrier).toBeNull();
  for (const event of [Block.startEvent, Block.stopEvent, Block.pauseEvent, Block.raiseEvent, Block.kbiEvent]) {
    expect(event).toBeNull();
  }
  expect(Block.logQueue).toBeNull();
  expect(Block.logThread).toBeNull();
}

afterEach(() => {
  reset();
  expectResetState();
});

describe('C1: the Block class registry', () => {
  it('registers a subclass under its class name', () => {
    new TestBlock();
    expect(Block.classes.get('TestBlock')).toBe(TestBlock);
    expect(Block.classes.has('TestBlock')).toBe(true);
    expect(Block.classes.names()).toContain('TestBlock');
  });

  it('throws DefinitionError for another class with the same name and keeps the first', () => {
    new TestBlock();
    // A second, different class that is also called TestBlock.
    const Impostor = (() => {
      class TestBlock extends Block {
        override loop(): void {}
      }
      return TestBlock;
    })();
    expect(Impostor).not.toBe(TestBlock);
    expect(Impostor.name).toBe('TestBlock');
    expect(() => new Impostor()).toThrow(DefinitionError);
    expect(() => new Impostor()).toThrow(/TestBlock/);
    expect(Block.classes.get('TestBlock')).toBe(TestBlock);
    // The failed construction left no instance and no name behind.
    expect(Block.instances).toHaveLength(1);
    expect(Block.names).toEqual(['crappy.TestBlock-1']);
    // The registered class itself still works.
    expect(() => new TestBlock()).not.toThrow();
  });

  it('is not cleared by reset()', () => {
    new TestBlock();
    new CustomBlock2();
    reset();
    expect(Block.classes.get('TestBlock')).toBe(TestBlock);
    expect(Block.classes.get('CustomBlock2')).toBe(CustomBlock2);
  });
});

describe('C2: instances and names', () => {
  it('names Blocks crappy.<Class>-<n> with n counting per class from 1', () => {
    const blocks = Array.from({ length: 10 }, () => new TestBlock());
    expect(Block.instances).toHaveLength(10);
    expect(Block.instances).toEqual(blocks);
    expect(new Set(blocks.map((b) => b.name)).size).toBe(10);
    blocks.forEach((block, i) => {
      expect(block.name).toBe(`crappy.TestBlock-${i + 1}`);
      expect(Block.names[i]).toBe(`crappy.TestBlock-${i + 1}`);
    });
    const other = new CustomBlock2();
    expect(other.name).toBe('crappy.CustomBlock2-1');
    expect(Block.names[10]).toBe('crappy.CustomBlock2-1');
    expect(Block.instances).toHaveLength(11);
    reset();
    expect(Block.instances).toHaveLength(0);
    expect(new TestBlock().name).toBe('crappy.TestBlock-1');
  });

  it('takes the smallest index whose name is free', () => {
    // A name already taken (as the original's class list allows) is skipped.
    runState.names.push('crappy.TestBlock-1', 'crappy.TestBlock-3');
    expect(new TestBlock().name).toBe('crappy.TestBlock-2');
    expect(new TestBlock().name).toBe('crappy.TestBlock-4');
  });
});

describe('C3: reset()', () => {
  it('empties the instances, names and links and clears every run flag and object', () => {
    const a = new TestBlock();
    const b = new TestBlock();
    link(a, b);
    runState.preparedAll = true;
    runState.launchedAll = true;
    runState.noRaise = true;
    runState.threadStop = true;
    runState.control = ControlBlock.create(3, 0);
    runState.logSink = () => {};
    runState.logLevel = LogLevel.ERROR;
    expect(runState.links).toHaveLength(1);

    reset();

    expect(Block.instances).toHaveLength(0);
    expect(Block.names).toHaveLength(0);
    expect(runState.links).toHaveLength(0);
    expect(runState.preparedAll).toBe(false);
    expect(runState.launchedAll).toBe(false);
    expect(runState.noRaise).toBe(false);
    expect(runState.threadStop).toBe(false);
    expect(runState.control).toBeNull();
    expect(runState.logSink).toBeNull();
    expect(runState.logLevel).toBe(LogLevel.DEBUG);
  });
});

describe('C3: the run state through the Block class', () => {
  it('can be set by hand, as the original tests do, and reset() clears it', () => {
    Block.preparedAll = true;
    Block.launchedAll = true;
    Block.noRaise = true;
    Block.threadStop = true;
    expect([runState.preparedAll, runState.launchedAll, runState.noRaise, runState.threadStop]).toEqual([true, true, true, true]);
    reset();
    expectResetState();
  });

  it("gives the run's own shared objects while a run exists", () => {
    const control = ControlBlock.create(2, 0);
    const sink = (): void => {};
    runState.control = control;
    runState.logSink = sink;
    expect(Block.readyBarrier).toBe(control.barrier);
    expect(Block.readyBarrier!.parties).toBe(2);
    expect(Block.sharedT0).toBe(control.t0);
    expect(Block.sharedT0!.value).toBe(-1);
    expect(Block.startEvent).toBe(control.start);
    expect(Block.stopEvent).toBe(control.stop);
    expect(Block.pauseEvent).toBe(control.pause);
    expect(Block.raiseEvent).toBe(control.raise);
    expect(Block.kbiEvent).toBe(control.kbi);
    expect(Block.logQueue).toBe(sink);
  });
});

describe('C4: stop() outside a run', () => {
  it('does nothing when there is no run', () => {
    expect(runState.control).toBeNull();
    expect(() => stop()).not.toThrow();
    const block = new TestBlock();
    expect(() => block.stop()).not.toThrow();
    expect(block.stopping).toBe(true);
  });

  it("sets the run's stop event when there is one", () => {
    const control = ControlBlock.create(1, 0);
    runState.control = control;
    expect(control.stop.isSet()).toBe(false);
    stop();
    expect(control.stop.isSet()).toBe(true);
    // The other events are untouched.
    for (const name of ['start', 'pause', 'raise', 'kbi'] as const) expect(control.event(name).isSet()).toBe(false);
  });

  it("Block.stop() sets the stop event of the run the Block is attached to", () => {
    const block = new TestBlock();
    const control = ControlBlock.create(1, 0);
    block.attachRun(control);
    expect(block.stopping).toBe(false);
    block.stop();
    expect(control.stop.isSet()).toBe(true);
    expect(block.stopping).toBe(true);
  });
});

describe('C5: instance defaults and abstract loop()', () => {
  it('has the documented defaults', () => {
    const block = new TestBlock();
    expect(block.niceness).toBe(0);
    expect(block.labels).toBeNull();
    expect(block.freq).toBeNull();
    expect(block.displayFreq).toBe(false);
    expect(block.pausable).toBe(true);
    expect(block.debug).toBe(false);
    expect(block.inputs).toEqual([]);
    expect(block.outputs).toEqual([]);
  });

  it('takes its settings as an options object too: super({ freq, ... })', () => {
    class Configured extends Block {
      constructor(options?: BlockOptions) {
        super(options);
      }

      override loop(): void {}
    }
    const block = new Configured({ freq: 50, niceness: 5, labels: ['t(s)', 'x'], displayFreq: true, debug: null, pausable: false });
    expect(block).toMatchObject({ freq: 50, niceness: 5, labels: ['t(s)', 'x'], displayFreq: true, debug: null, pausable: false });
    expect(new Configured({ freq: null }).freq).toBeNull();
    expect(new Configured().freq).toBeNull();
  });

  it('refuses wrong settings given to the constructor, naming the option, before counting the Block', () => {
    class Configured extends Block {
      constructor(options?: unknown) {
        super(options as BlockOptions);
      }

      override loop(): void {}
    }
    expect(() => new Configured({ freq: 0 })).toThrow(/Configured: freq must be a positive number/);
    expect(() => new Configured({ freq: 0 })).toThrow(RangeError);
    expect(() => new Configured({ niceness: 20 })).toThrow(/niceness must be an integer from -20 to 19/);
    expect(() => new Configured({ niceness: 1.5 })).toThrow(/niceness/);
    expect(() => new Configured({ labels: [1] })).toThrow(/labels/);
    expect(() => new Configured({ pausable: 'no' })).toThrow(/pausable must be true or false/);
    expect(() => new Configured({ debug: 1 })).toThrow(/debug must be true, false or null/);
    expect(() => new Configured({ display_freq: true })).toThrow(/unknown option 'display_freq'.*did you mean 'displayFreq'/);
    expect(() => new Configured(5)).toThrow(TypeError);
    expect(Block.instances).toHaveLength(0);
  });

  it('refuses to create the abstract Block itself', () => {
    const Abstract = Block as unknown as new () => Block;
    expect(() => new Abstract()).toThrow(TypeError);
    expect(() => new Abstract()).toThrow(/loop\(\)/);
    expect(Block.instances).toHaveLength(0);
  });

  it('refuses to create a Block subclass without loop()', () => {
    // @ts-expect-error: the compiler already refuses a subclass without loop()
    class NoLoop extends Block {}
    expect(() => new NoLoop()).toThrow(TypeError);
    expect(() => new NoLoop()).toThrow(/NoLoop/);
    expect(Block.instances).toHaveLength(0);
    expect(Block.classes.has('NoLoop')).toBe(false);
  });
});
