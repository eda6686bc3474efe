/**
 * StopBlock and Pause (the original's tests/blocks/test_stop_block.py and
 * tests/blocks/test_pause.py), driven in this thread with a hand-moved clock,
 * their Links replaced and a hand-made control block.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blocks, LogLevel, path, reset, type DataLists } from '../../packages/core/src/index.js';
import { drive, thrown } from './harness.js';

const { StopBlock, Pause } = blocks;
const T0 = 1000;

afterEach(() => {
  reset();
});

describe('StopBlock', () => {
  it('defaults: freq 30, not pausable; one criterion or a list', () => {
    const one = new StopBlock('x>1');
    expect(one.freq).toBe(30);
    expect(one.pausable).toBe(false);
    expect(one.criteria.map((c) => c.text)).toEqual(['x>1']);
    const list = new StopBlock(['x>1', (data) => 'y' in data], { freq: 10, displayFreq: true, debug: true });
    expect(list.criteria).toHaveLength(2);
    expect([list.freq, list.displayFreq, list.debug]).toEqual([10, true, true]);
  });

  it('checks its criteria and options at construction', () => {
    const syntax = thrown(() => new StopBlock(['x>1', 'y>>2']));
    expect(syntax).toBeInstanceOf(path.ConditionSyntaxError);
    expect(syntax.message.split('\n')[0]).toBe("StopBlock: criterion 1: invalid condition 'y>>2': expected a number after '>', got '>2'");
    expect(thrown(() => new StopBlock([3 as never])).message).toBe('StopBlock: criterion 0 must be a string or a function, got 3');
    expect(thrown(() => new StopBlock(null as never)).message).toBe('StopBlock: criterion must be a string or a function, got null');
    expect(thrown(() => new StopBlock([])).message).toBe('StopBlock: criteria must hold at least one criterion');
    expect(thrown(() => new StopBlock('x>1', { pausable: false } as never)).message).toMatch(/^StopBlock: unknown option 'pausable'/);
  });

  it('stops the run when any criterion holds on the received data', () => {
    const run = drive(new StopBlock(['x>10', 'y<0']), T0);
    run.inbox.push({ x: [1, 5] }, { y: [3] });
    run.block.loop();
    run.block.loop();
    expect(run.control.stop.isSet()).toBe(false);
    run.inbox.push({ x: [1], y: [-1] });
    run.block.loop();
    expect(run.control.stop.isSet()).toBe(true);
    expect(run.logs.some((r) => r.level === LogLevel.WARNING && r.message === "Stop criterion 'y<0' reached, stopping all the Blocks")).toBe(true);
  });

  it("'t(s)>x' is the time since t0, and stops even when no data arrives", () => {
    const run = drive(new StopBlock('t(s)>5'), T0);
    run.inbox.push({ 't(s)': [100] });
    run.block.loop();
    run.clock.advance(5);
    run.block.loop();
    expect(run.control.stop.isSet()).toBe(false);
    run.clock.advance(0.1);
    run.block.loop();
    expect(run.control.stop.isSet()).toBe(true);
  });

  it('function criteria get the data, even when empty', () => {
    const seen: DataLists[] = [];
    const run = drive(
      new StopBlock((data) => {
        seen.push(data);
        return seen.length === 2;
      }),
      T0,
    );
    run.inbox.push({ a: [1] });
    run.block.loop();
    expect(run.control.stop.isSet()).toBe(false);
    run.block.loop();
    expect(seen).toEqual([{ a: [1] }, {}]);
    expect(run.control.stop.isSet()).toBe(true);
  });
});

describe('Pause', () => {
  it('defaults: freq 50, not pausable', () => {
    const pause = new Pause(['F(N)>1']);
    expect(pause.freq).toBe(50);
    expect(pause.pausable).toBe(false);
    expect(thrown(() => new Pause('F(N)=1')).message.split('\n')[0]).toBe(
      "Pause: criterion: invalid condition 'F(N)=1': Wrong syntax for the condition: 'F(N)=1' is not a condition; write '<label> > <number>', '<label> < <number>' (or >=, <=, ==), or 'delay=<seconds>', joined by && or ||",
    );
  });

  it('sets the pause event while a criterion holds, clears it when none does', () => {
    const run = drive(new Pause(['F(N)>100', 'x<0']), T0);
    const pause = run.control.pause;
    run.inbox.push({ 'F(N)': [50] });
    run.block.loop();
    expect(pause.isSet()).toBe(false);
    run.inbox.push({ 'F(N)': [50, 150] });
    run.block.loop();
    expect(pause.isSet()).toBe(true);
    run.inbox.push({ x: [-1] });
    run.block.loop();
    expect(pause.isSet()).toBe(true);
    run.inbox.push({ x: [1], 'F(N)': [0] });
    run.block.loop();
    expect(pause.isSet()).toBe(false);
    expect(run.logs.filter((r) => r.level === LogLevel.WARNING).map((r) => r.message)).toEqual([
      "Pause criterion 'F(N)>100' reached, pausing the Blocks",
      'No pause criterion holds any more, resuming the Blocks',
    ]);
  });

  it('a loop without data changes nothing for criteria on labels (as the original)', () => {
    const run = drive(new Pause('F(N)>100'), T0);
    run.inbox.push({ 'F(N)': [150] });
    run.block.loop();
    expect(run.control.pause.isSet()).toBe(true);
    run.block.loop();
    run.block.loop();
    expect(run.control.pause.isSet()).toBe(true);
    run.inbox.push({ 'F(N)': [10] });
    run.block.loop();
    expect(run.control.pause.isSet()).toBe(false);
    run.block.loop();
    expect(run.control.pause.isSet()).toBe(false);
  });

  it("fixed quirk: a criterion on time ('t(s)>x') is tested even when no data arrives", () => {
    const run = drive(new Pause(['t(s)>2 && t(s)<4', 'F(N)>100']), T0);
    const pause = run.control.pause;
    run.block.loop();
    expect(pause.isSet()).toBe(false);
    run.clock.advance(2.5);
    run.block.loop();
    expect(pause.isSet()).toBe(true);
    run.clock.advance(2);
    run.block.loop();
    expect(pause.isSet()).toBe(false);
  });

  it('time and label criteria together: the label result is kept between data', () => {
    const run = drive(new Pause(['t(s)>10', 'F(N)>100']), T0);
    run.inbox.push({ 'F(N)': [150] });
    run.block.loop();
    run.clock.advance(1);
    run.block.loop();
    expect(run.control.pause.isSet()).toBe(true);
    run.inbox.push({ 'F(N)': [0] });
    run.block.loop();
    expect(run.control.pause.isSet()).toBe(false);
    run.clock.advance(10);
    run.block.loop();
    expect(run.control.pause.isSet()).toBe(true);
  });

  it('function criteria are only called with data', () => {
    const seen: DataLists[] = [];
    const run = drive(
      new Pause((data) => {
        seen.push(data);
        return true;
      }),
      T0,
    );
    run.block.loop();
    expect(seen).toEqual([]);
    expect(run.control.pause.isSet()).toBe(false);
    run.inbox.push({ a: [1] });
    run.block.loop();
    expect(seen).toEqual([{ a: [1] }]);
    expect(run.control.pause.isSet()).toBe(true);
  });
});
