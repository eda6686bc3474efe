// Machine driven in-thread: speed and position modes, several Actuators, common settings, spam, finish, errors.
import { describe, expect, it } from 'vitest';
import { actuator, blocks, LogLevel } from '../../packages/core/src/index.js';
import { drive, logged, TestClock } from './harness.js';

const { Machine } = blocks;

/** Every call to every {@link Recording} Actuator, in order. */
const journal: string[] = [];

/** An Actuator recording its calls in {@link journal}, that reports a fixed position and speed. */
class Recording extends actuator.Actuator {
  readonly name: string;
  readonly reported: number | null;

  constructor(options: { name?: string; reported?: number | null } = {}) {
    super();
    this.name = options.name ?? 'r';
    this.reported = options.reported === undefined ? 7 : options.reported;
  }
  override open(): void {
    journal.push(`${this.name}.open`);
  }
  override setSpeed(speed: number): void {
    journal.push(`${this.name}.setSpeed(${speed})`);
  }
  override async setPosition(position: number, speed: number | null): Promise<void> {
    journal.push(`${this.name}.setPosition(${position}, ${speed})`);
  }
  override getPosition(): number | null {
    return this.reported;
  }
  override async getSpeed(): Promise<number | null> {
    return this.reported === null ? null : this.reported / 10;
  }
  override stop(): void {
    journal.push(`${this.name}.stop`);
  }
  override close(): void {
    journal.push(`${this.name}.close`);
  }
}
actuator.Actuator.classes.register(Recording);

function clearJournal(): void {
  journal.length = 0;
}

describe('Machine with synchronous Actuators', () => {
  it('prepares, sets, reads, sends and finishes before returning, as the original does', () => {
    clearJournal();
    const d = drive(new Machine([{ type: 'FakeDCMotor', positionLabel: 'x' }]));
    expect(d.block.prepare()).toBeUndefined();
    d.inbox.push({ cmd: 1 });
    expect(d.block.loop()).toBeUndefined();
    expect(d.sent).toEqual([{ x: 0, 't(s)': 0 }]);
    expect(d.block.finish()).toBeUndefined();
  });

  it('returns a Promise from the first Actuator method that does', async () => {
    clearJournal();
    const d = drive(new Machine([{ type: Recording, mode: 'position', positionLabel: 'x' }]));
    d.block.prepare();
    d.inbox.push({ cmd: 3 });
    const looped = d.block.loop();
    expect(looped).toBeInstanceOf(Promise);
    await looped;
    expect(journal).toEqual(['r.open', 'r.setPosition(3, null)']);
    expect(d.sent).toEqual([{ x: 7, 't(s)': 0 }]);
  });
});

describe('Machine', () => {
  it('in speed mode, sets each new command received on cmdLabel (default "cmd")', async () => {
    clearJournal();
    const d = drive(new Machine([{ type: Recording }]), { output: false });
    await d.block.prepare();
    d.inbox.push({ cmd: 2 }, {}, { other: 1 }, { cmd: -1 });
    for (let i = 0; i < 4; i++) await d.block.loop();
    expect(journal).toEqual(['r.open', 'r.setSpeed(2)', 'r.setSpeed(-1)']);
    expect(d.recvCalls).toEqual([false, false, false, false]);
  });

  it('with spam, reads with fillMissing so that the last commands are set in every loop', async () => {
    clearJournal();
    const d = drive(new Machine([{ type: 'Recording' }], { spam: true }), { output: false });
    await d.block.prepare();
    d.inbox.push({ cmd: 2 }, { cmd: 2 });
    await d.block.loop();
    await d.block.loop();
    expect(d.recvCalls).toEqual([true, true]);
    expect(journal).toEqual(['r.open', 'r.setSpeed(2)', 'r.setSpeed(2)']);
  });

  it('in position mode, passes the speed setting, replaced by the values of speedCmdLabel', async () => {
    clearJournal();
    const d = drive(
      new Machine([{ type: Recording, mode: 'position', cmdLabel: 'x', speed: 3, speedCmdLabel: 'v' }]),
      { output: false },
    );
    await d.block.prepare();
    d.inbox.push({ x: 10 }, { v: 5 }, { x: 20 }, { x: 30, v: 1 });
    for (let i = 0; i < 4; i++) await d.block.loop();
    expect(journal).toEqual(['r.open', 'r.setPosition(10, 3)', 'r.setPosition(20, 5)', 'r.setPosition(30, 1)']);
  });

  it('passes a null speed in position mode when none is given', async () => {
    clearJournal();
    const d = drive(new Machine([{ type: Recording, mode: 'position' }]), { output: false });
    await d.block.prepare();
    d.inbox.push({ cmd: 1 });
    await d.block.loop();
    expect(journal).toEqual(['r.open', 'r.setPosition(1, null)']);
  });

  it('drives several Actuators on their own labels, sends positions and speeds with the time last, and stops then closes them all', async () => {
    clearJournal();
    const d = drive(
      new Machine([
        { type: Recording, name: 'a', cmdLabel: 'ca', positionLabel: 'xa', speedLabel: 'va' },
        { type: Recording, name: 'b', cmdLabel: 'cb', mode: 'position', positionLabel: 'xb', reported: 4 },
      ]),
    );
    await d.block.prepare();
    d.clock.now = 10.5;
    d.inbox.push({ ca: 1, cb: 2 }, { cb: 3 });
    await d.block.loop();
    await d.block.loop();
    await d.block.finish();
    expect(journal).toEqual([
      'a.open',
      'b.open',
      'a.setSpeed(1)',
      'b.setPosition(2, null)',
      'b.setPosition(3, null)',
      'a.stop',
      'b.stop',
      'a.close',
      'b.close',
    ]);
    expect(d.sent).toEqual([
      { xa: 7, va: 0.7, xb: 4, 't(s)': 0.5 },
      { xa: 7, va: 0.7, xb: 4, 't(s)': 0.5 },
    ]);
    expect(Object.keys(d.sent[0]!)).toEqual(['xa', 'va', 'xb', 't(s)']);
  });

  it('sends nothing when no label is set or nothing could be read, and names the time label as told', async () => {
    const quiet = drive(new Machine([{ type: Recording, reported: null, positionLabel: 'x', speedLabel: 'v' }]));
    await quiet.block.prepare();
    await quiet.block.loop();
    expect(quiet.sent).toEqual([]);
    const timed = drive(new Machine([{ type: Recording, positionLabel: 'x' }], { timeLabel: 'time' }));
    await timed.block.prepare();
    await timed.block.loop();
    expect(timed.sent).toEqual([{ x: 7, time: 0 }]);
  });

  it('applies the common settings and options to every Actuator, over their own', async () => {
    clearJournal();
    const d = drive(
      new Machine(
        [
          { type: Recording, name: 'a', cmdLabel: 'own' },
          { type: Recording, name: 'b' },
        ],
        { common: { cmdLabel: 'shared', reported: 1, positionLabel: 'x' } },
      ),
    );
    await d.block.prepare();
    d.inbox.push({ own: 1, shared: 2 });
    await d.block.loop();
    expect(journal).toEqual(['a.open', 'b.open', 'a.setSpeed(2)', 'b.setSpeed(2)']);
    expect((d.block.actuators as Recording[]).map((a) => a.reported)).toEqual([1, 1]);
  });

  it('gives its clock and its log to the Actuators, and drives a FakeStepperMotor to its target', async () => {
    const clock = new TestClock(10);
    const d = drive(new Machine([{ type: 'FakeStepperMotor', mode: 'position', positionLabel: 'x(mm)', speedLabel: 'v' }]), {
      clock,
    });
    await d.block.prepare();
    d.inbox.push({ cmd: 10 });
    await d.block.loop();
    clock.now = 11.5;
    await d.block.loop();
    expect(d.sent.at(-1)).toEqual({ 'x(mm)': 10, v: 0, 't(s)': 1.5 });
    await d.block.finish();
    expect(logged(d, LogLevel.INFO)).toContain('FakeStepperMotor: Stopping the simulated stepper motor abruptly');
  });

  it('takes its actuators in one options object too, as the original is called (actuators=[...], ...)', () => {
    const machine = new Machine({ actuators: [{ type: 'FakeDCMotor' }], freq: 50 });
    expect(machine.freq).toBe(50);
    expect(machine.actuators[0]).toBeInstanceOf(actuator.FakeDCMotor);
    expect(() => new Machine({ freq: 50 } as never)).toThrow(/Machine: actuators is required/);
  });

  it('has freq 200 and niceness 0 by default', () => {
    const machine = new Machine([{ type: 'FakeDCMotor' }]);
    expect(machine.freq).toBe(200);
    expect(machine.niceness).toBe(0);
    expect(machine.actuators[0]).toBeInstanceOf(actuator.FakeDCMotor);
  });

  it('refuses unknown types (listing the known ones), a missing type, a wrong mode, and wrong options', () => {
    expect(() => new Machine([{ type: 'Servo' }])).toThrow(
      /actuators\[0\]: unknown Actuator type 'Servo' \(known: .*FakeDCMotor, FakeStepperMotor.*\)\. For a class of your own, give the class itself/,
    );
    // the original's ValueError
    expect(() => new Machine([{ mode: 'speed' } as never])).toThrow(RangeError);
    expect(() => new Machine([{ mode: 'speed' } as never])).toThrow(/'type' setting is required/);
    expect(() => new Machine([{ type: 'FakeDCMotor', mode: 'torque' as 'speed' }])).toThrow(RangeError);
    expect(() => new Machine([{ type: 'FakeDCMotor', inertia: 0 }])).toThrow(/FakeDCMotor: inertia must be a number > 0/);
    expect(() => new Machine([{ type: 'FakeDCMotor', intertia: 1 }])).toThrow(/FakeDCMotor: unknown option 'intertia'/);
    expect(() => new Machine([])).toThrow(/non-empty array/);
    expect(() => new Machine([{ type: 'FakeDCMotor' }], { commons: {} } as never)).toThrow(/Machine: unknown option 'commons'/);
    expect(() => new Machine([{ type: Map as never }])).toThrow(/does not extend Actuator/);
  });

  it('fails in prepare() without any Link, at once, naming the Block, and then opens and closes nothing', async () => {
    clearJournal();
    const d = drive(new Machine([{ type: Recording }]), { input: false, output: false });
    expect(() => d.block.prepare()).toThrow(/crappy\.Machine-\d+: the Machine has no Link/);
    await d.block.finish();
    expect(journal).toEqual([]);
  });
});
