// InOut base: offsets and makeZero (the original's
// tests/unit/inout/test_inout_offset.py; cases IO1-IO4 below), the default
// methods, the registry, FakeInOut.
import { describe, expect, it, vi } from 'vitest';
import { DefinitionError, inout, LogLevel } from '../../packages/core/src/index.js';
import { TestClock } from './harness.js';

const { InOut, FakeInOut } = inout;

/** The original's list InOut: readings `[-1, 0, 1, 2]`, streams of 4 rows `[0, 1, 2]`. */
class ListInOut extends InOut {
  override getData(): number[] {
    return [-1, 0, 1, 2];
  }
  override getStream(): inout.InOutStream {
    return [[-1, 0, 1, 2], [[0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2]]];
  }
}

/** The original's object InOut: readings `{t(s): -1, a: 0, b: 1, c: 2}`, streams `{t(s), stream: 4 × [0, 1, 2]}`. */
class DictInOut extends InOut {
  override getData(): inout.InOutData {
    return { 't(s)': -1, a: 0, b: 1, c: 2 };
  }
  override getStream(): inout.InOutStream {
    return { 't(s)': [-1, 0, 1, 2], stream: [[0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2]] };
  }
}

/** An InOut returning the readings it is given, one per call (then null), asynchronously. */
class QueueInOut extends InOut {
  constructor(readonly readings: (inout.InOutData | null)[] = []) {
    super();
  }
  override async getData(): Promise<inout.InOutData | null> {
    return this.readings.shift() ?? null;
  }
}

/** Zeroes `device` over 2 s of a clock that moves 10 ms per call; returns its warnings. */
async function zero(device: inout.InOut): Promise<string[]> {
  const warnings: string[] = [];
  device.clock = new TestClock(1000, 0.01);
  device.logTo = (level, message) => {
    if (level === LogLevel.WARNING) warnings.push(message);
  };
  await device.makeZero(2);
  return warnings;
}

describe('InOut offsets (IO1-IO4)', () => {
  it('IO2: array readings and streams are offset per value, time unchanged', async () => {
    const device = new ListInOut();
    expect(await zero(device)).toEqual([]);
    // a zero-mean channel gets 0, not −0 (the original's tests compare with ==)
    expect(device.offsets).toEqual([0, -1, -2]);
    expect(device.getData()).toEqual([-1, 0, 1, 2]);
    expect(device.getStream()).toEqual([[-1, 0, 1, 2], [[0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2]]]);
    expect(await device.returnData()).toEqual([-1, 0, 0, 0]);
    const stream = (await device.returnStream()) as [number[], number[][]];
    expect(Array.isArray(stream)).toBe(true);
    expect(stream[0]).toEqual([-1, 0, 1, 2]);
    expect(stream[1]).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  });

  it('IO3: object readings are offset per label; streams take the label offsets in order', async () => {
    const device = new DictInOut();
    await zero(device);
    expect(device.offsets).toEqual({ a: 0, b: -1, c: -2 });
    expect(device.getData()).toEqual({ 't(s)': -1, a: 0, b: 1, c: 2 });
    const data = await device.returnData();
    expect(data).toEqual({ 't(s)': -1, a: 0, b: 0, c: 0 });
    expect(Object.keys(data!)).toEqual(['t(s)', 'a', 'b', 'c']);
    const stream = (await device.returnStream()) as Record<string, unknown>;
    expect(stream['t(s)']).toEqual([-1, 0, 1, 2]);
    expect(stream.stream).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  });

  it('offsets every channel of an object stream, not only the first (fixed quirk 3)', async () => {
    class TwoChannels extends DictInOut {
      override getStream(): inout.InOutStream {
        return { 't(s)': [0, 1], first: [[0, 1, 2], [0, 1, 2]], second: [[1, 2, 3], [1, 2, 3]] };
      }
    }
    const device = new TwoChannels();
    await zero(device);
    expect(await device.returnStream()).toEqual({
      't(s)': [0, 1],
      first: [[0, 0, 0], [0, 0, 0]],
      second: [[1, 1, 1], [1, 1, 1]],
    });
  });

  it('offsets an array stream with label offsets, in label order (fixed quirk 3)', async () => {
    class Mixed extends DictInOut {
      override getStream(): inout.InOutStream {
        return [new Float64Array([5, 6]), [new Float64Array([0, 1, 2]), new Float64Array([1, 1, 1])]];
      }
    }
    const device = new Mixed();
    await zero(device);
    expect(await device.returnStream()).toEqual([new Float64Array([5, 6]), [[0, 0, 0], [1, 0, -1]]]);
  });

  it('IO1: averages every reading taken during the delay, with async getData()', async () => {
    const device = new QueueInOut([[1, 10], [2, 20], null, [3, 60, 7], [4]]);
    await zero(device);
    // Readings of one value add nothing; the width is the shortest reading's.
    expect(device.offsets).toEqual([-30]);
    const labelled = new QueueInOut([{ 't(s)': 0, a: 1 }, { 't(s)': 1, a: 3, b: 4 }]);
    await zero(labelled);
    expect(labelled.offsets).toEqual({ a: -2, b: -4 });
  });

  it('IO1: reads during `delay` seconds of its clock', async () => {
    let reads = 0;
    class Counting extends InOut {
      override getData(): number[] {
        reads += 1;
        return [0, 1];
      }
    }
    const device = new Counting();
    device.clock = new TestClock(50, 0.5);
    await device.makeZero(2);
    // Time 50 sets the end at 52; the loop sees 50.5, 51, 51.5 and stops at 52.
    expect(reads).toBe(3);
  });

  it('IO1: also ends with a clock that does not move, after `delay` seconds of real time', () => {
    let reads = 0;
    class Slow extends InOut {
      override getData(): number[] {
        reads += 1;
        // fail rather than hang if only the clock could end the zeroing
        if (reads > 1000) throw new Error('endless zeroing');
        const until = performance.now() + 1;
        while (performance.now() < until);
        return [0, 4];
      }
    }
    const device = new Slow();
    device.clock = { time: () => 5, sleep: () => {} };
    const started = performance.now();
    expect(device.makeZero(0.2)).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    expect(device.offsets).toEqual([-4]);
  });

  it('with a synchronous getData(), makeZero, returnData and returnStream return at once, errors included', () => {
    const device = new ListInOut();
    device.clock = new TestClock(0, 0.5);
    expect(device.makeZero(1)).toBeUndefined();
    expect(device.returnData()).toEqual([-1, 0, 0, 0]);
    expect((device.returnStream() as [number[], number[][]])[1][0]).toEqual([0, 0, 0]);
    class Untimed extends InOut {
      override getData(): inout.InOutData {
        return { a: 1 };
      }
    }
    expect(() => new Untimed().returnData()).toThrow(RangeError);
  });

  it('IO1: without readings, warns and keeps no offsets', async () => {
    const device = new QueueInOut([]);
    expect(await zero(device)).toEqual(['QueueInOut: No data acquired when zeroing the channels, aborting the zeroing']);
    expect(device.offsets).toBeNull();
    const timeOnly = new QueueInOut([{ 't(s)': 1 }, [2]]);
    expect(await zero(timeOnly)).toHaveLength(1);
    expect(timeOnly.offsets).toBeNull();
  });

  it('IO1: with values that are not numbers, warns and keeps no offsets', async () => {
    const list = new QueueInOut([[0, 1, 'on']]);
    expect((await zero(list))[0]).toMatch(/does not return only numbers/);
    expect(list.offsets).toBeNull();
    const dict = new QueueInOut([{ 't(s)': 0, a: 1, state: 'on' }]);
    expect((await zero(dict))[0]).toMatch(/does not return only numbers/);
    expect(dict.offsets).toBeNull();
    expect(await dict.returnData()).toBeNull();
  });

  it('IO4: without offsets, readings pass through (arrays copied) and null stays null', async () => {
    const reading = { 't(s)': 1, a: 'text' };
    const device = new QueueInOut([reading, [1, 'a'], null]);
    expect(await device.returnData()).toBe(reading);
    expect(await device.returnData()).toEqual([1, 'a']);
    expect(await device.returnData()).toBeNull();
  });

  it("IO4: an object reading without 't(s)' is a RangeError", async () => {
    const device = new QueueInOut([{ time: 1, a: 2 }]);
    await expect(device.returnData()).rejects.toThrow(RangeError);
    const stream = new (class extends InOut {
      override getStream(): inout.InOutStream {
        return { time: [1], a: [[1]] };
      }
    })();
    expect(() => stream.returnStream()).toThrow(/'t\(s\)' must be given in the object returned by getStream/);
  });

  it('IO4: a label without offset, or a length that does not match the offsets, is a RangeError', async () => {
    const dict = new QueueInOut([{ 't(s)': 0, a: 1 }]);
    await zero(dict);
    dict.readings.push({ 't(s)': 1, a: 1, extra: 2 });
    await expect(dict.returnData()).rejects.toThrow(/No offset for the label\(s\) extra/);
    const list = new QueueInOut([[0, 1, 2]]);
    await zero(list);
    list.readings.push([1, 2, 3, 4]);
    await expect(list.returnData()).rejects.toThrow(/3 value\(s\) after the time but 2 offset\(s\)/);
    class Wide extends ListInOut {
      override getStream(): inout.InOutStream {
        return [[0], [[1, 2, 3, 4]]];
      }
    }
    const wide = new Wide();
    await zero(wide);
    expect(() => wide.returnStream()).toThrow(/rows of 4 value\(s\) \(row 0\) but 3 offset\(s\)/);
  });
});

describe('InOut base', () => {
  it('warns and waits 1 s in the methods a subclass does not define', async () => {
    class Bare extends InOut {}
    const device = new Bare();
    const clock = new TestClock(0);
    const logs: [number, string][] = [];
    device.clock = clock;
    device.logTo = (level, message) => logs.push([level, message]);
    expect(await device.getData()).toBeNull();
    await device.setCmd(1, 2);
    expect(await device.getStream()).toBeNull();
    device.startStream();
    device.stopStream();
    await device.open();
    await device.close();
    expect(clock.sleeps).toEqual([1, 1, 1]);
    expect(logs.map(([level]) => level)).toEqual(Array(5).fill(LogLevel.WARNING));
    expect(logs[1]![1]).toBe('Bare: setCmd() was called but is not defined: the command [1,2] is discarded');
  });

  it('log() takes a level number or name, like Block.log(), and refuses an unknown name', () => {
    class Named extends InOut {}
    const device = new Named();
    const logs: [number, string][] = [];
    device.logTo = (level, message) => logs.push([level, message]);
    device.log('info', 'by name');
    device.log(LogLevel.ERROR, 'by number');
    expect(logs).toEqual([
      [LogLevel.INFO, 'Named: by name'],
      [LogLevel.ERROR, 'Named: by number'],
    ]);
    // @ts-expect-error: the type refuses what the run time refuses
    expect(() => device.log('verbose', 'unknown')).toThrow(RangeError);
  });

  it('registers its subclasses by name at their first instance, and refuses a second class of the same name', () => {
    class Registered extends InOut {}
    expect(InOut.classes.has('Registered')).toBe(false);
    new Registered();
    expect(InOut.classes.get('Registered')).toBe(Registered);
    expect(InOut.classes.has('FakeInOut')).toBe(true);
    const Other = class Registered extends InOut {};
    expect(() => new Other()).toThrow(DefinitionError);
  });

  it('logs nothing when no Block drives it, and through its Block when one does', () => {
    const written = vi.spyOn(process.stderr, 'write');
    const printed = vi.spyOn(process.stdout, 'write');
    const consoled = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
    try {
      const device = new ListInOut();
      device.log(LogLevel.ERROR, 'nobody listens');
      for (const spy of [written, printed, ...consoled]) expect(spy).not.toHaveBeenCalled();
      // An IOBlock sets logTo: the same call then reaches it, named after the InOut.
      const records: Array<[number, string]> = [];
      device.logTo = (level, message) => records.push([level, message]);
      device.log('warning', 'a Block listens');
      expect(records).toEqual([[LogLevel.WARNING, 'ListInOut: a Block listens']]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('FakeInOut', () => {
  it('reads the time of its clock and the rss of the process in MB', () => {
    const device = new FakeInOut();
    device.clock = new TestClock(42);
    const [t, rss] = device.getData();
    expect(t).toBe(42);
    expect(rss).toBeGreaterThan(1);
    expect(rss).toBeLessThan(process.memoryUsage.rss() / 1e6 * 2);
  });

  it('streams 10 readings at once as [times, rows of one value]', () => {
    const device = new FakeInOut();
    device.clock = new TestClock(0, 1);
    const [times, rows] = device.getStream();
    expect(times).toEqual(new Float64Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(row).toHaveLength(1);
  });

  it('allocates memory towards a higher target and gives it back towards a lower one', () => {
    const device = new FakeInOut();
    device.open();
    const before = process.memoryUsage.rss() / 1e6;
    device.setCmd(before + 1000);
    device.setCmd(before + 1000);
    expect(device.held).toBe(16);
    device.setCmd(0);
    expect(device.held).toBe(8);
    device.setCmd(0);
    device.setCmd(0);
    expect(device.held).toBe(0);
    device.setCmd(before + 1000);
    device.close();
    expect(device.held).toBe(0);
  });

  it('checks its command and its options', () => {
    const device = new FakeInOut();
    device.open();
    expect(() => device.setCmd('50')).toThrow(TypeError);
    expect(() => device.setCmd(-1)).toThrow(/from 0 to \d+ MB/);
    expect(() => device.setCmd(1e12)).toThrow(RangeError);
    expect(() => new FakeInOut({ rate: 3 } as never)).toThrow(/FakeInOut: unknown option 'rate' \(it takes none\)/);
  });
});
