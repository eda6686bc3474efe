/**
 * The ClientServer Block's logic, driven in-thread with a hand-set t0 and
 * clock, without a broker: what it sends on its Links for the messages it
 * receives (every row in order, completed with the latest values or
 * initOutput, the sender's t(s) shifted to this run's t0, `spam`), what it
 * does with bad payloads, and how it counts what it cannot publish while
 * disconnected ('drop') or keeps it ('queue', up to queueSize).
 * The original (crappy/blocks/client_server.py) has no tests.
 */
import { describe, expect, it } from 'vitest';
// @crappy/core, as the package under test imports it (its build), so that its Block is the same class.
import { ControlBlock, LogLevel, type DataLists } from '@crappy/core';
import { ClientServer, type ClientServerOptions } from '../../packages/remote/src/index.js';

const T0 = 1000;

/** A ClientServer attached to a run started at T0, its clock at T0 + 2, its sends and logs captured. */
function make(options: ClientServerOptions) {
  const block = new ClientServer(options);
  const control = ControlBlock.create(1, 0);
  control.t0.value = T0;
  block.attachRun(control);
  const clock = { now: T0 + 2, time: () => clock.now, sleep: async () => {} };
  block.clock = clock;
  const sent: Array<Record<string, unknown>> = [];
  block.send = (data) => void sent.push({ ...(data as Record<string, unknown>) });
  const logs: Array<{ level: number; message: string }> = [];
  block.log = (level, message) => void logs.push({ level: level as number, message });
  const receive = (topic: string, payload: unknown): void =>
    (block as unknown as { onMessage(topic: string, text: string): void }).onMessage(topic, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return { block, clock, sent, logs, receive };
}

describe('ClientServer, receiving', () => {
  it('sends every row in order, completed with the latest values, with the sender\'s t(s) shifted to this run', () => {
    const { block, sent, receive } = make({ topics: [['t(s)', 'F(N)'], 'cmd'], initOutput: { cmd: 'idle' } });
    // The sender started 10 s before this run: its t(s) 12.5 is this run's 2.5.
    receive('crappy/t(s),F(N)', { t0: T0 - 10, time: 't(s)', data: { 't(s)': [12.5, 12.75], 'F(N)': [1, 2] } });
    receive('crappy/cmd', { t0: T0 - 10, data: { cmd: ['go'] } });
    block.loop();
    expect(sent).toEqual([
      { 't(s)': 2.5, 'F(N)': 1, cmd: 'idle' },
      { 't(s)': 2.75, 'F(N)': 2, cmd: 'idle' },
      // A topic without t(s) gets the time of reception on this run's clock.
      { 't(s)': 2, 'F(N)': 2, cmd: 'go' },
    ]);
    expect(block.stats.receivedRows).toBe(3);
    block.loop();
    expect(sent).toHaveLength(3);
  });

  it('leaves out a label never received and without initOutput', () => {
    const { block, sent, receive } = make({ topics: ['a', 'b'] });
    receive('crappy/a', { t0: T0, data: { a: [1] } });
    block.loop();
    expect(sent).toEqual([{ a: 1, 't(s)': 2 }]);
  });

  it('with spam, sends the latest values at every loop even when nothing came', () => {
    const { block, clock, sent, receive } = make({ topics: ['cmd'], spam: true, initOutput: { cmd: 0 } });
    block.loop();
    receive('crappy/cmd', { t0: T0, data: { cmd: [5] } });
    clock.now = T0 + 3;
    block.loop();
    clock.now = T0 + 4;
    block.loop();
    expect(sent).toEqual([{ cmd: 0, 't(s)': 2 }, { cmd: 5, 't(s)': 3 }, { cmd: 5, 't(s)': 4 }]);
  });

  it('drops and counts bad payloads, warning at most once a second, and goes on', () => {
    const { block, clock, sent, logs, receive } = make({ topics: [['t(s)', 'F(N)']] });
    receive('crappy/t(s),F(N)', 'import os');
    receive('crappy/t(s),F(N)', { t0: T0, data: { 't(s)': [1], 'X(N)': [2] } });
    clock.now = T0 + 3.5;
    receive('crappy/t(s),F(N)', { t0: T0, data: { 't(s)': [1], 'F(N)': [2, 3] } });
    receive('crappy/t(s),F(N)', { t0: T0, time: 't(s)', data: { 't(s)': [1], 'F(N)': [2] } });
    block.loop();
    expect(block.stats.badPayloads).toBe(3);
    expect(sent).toEqual([{ 't(s)': 1, 'F(N)': 2 }]);
    const warnings = logs.filter((log) => log.level === LogLevel.WARNING).map((log) => log.message);
    expect(warnings).toEqual([
      'Dropped a message on crappy/t(s),F(N): not valid JSON: "import os" (1 bad payloads so far)',
      'Dropped a message on crappy/t(s),F(N): its columns have different lengths (3 bad payloads so far)',
    ]);
  });

  it('ignores topics it did not subscribe to', () => {
    const { block, sent, receive } = make({ topics: ['a'] });
    receive('crappy/b', { t0: T0, data: { b: [1] } });
    block.loop();
    expect(sent).toEqual([]);
    expect(block.stats.badPayloads).toBe(0);
  });
});

describe('ClientServer, sending while disconnected', () => {
  /** A ClientServer that sends ['t(s)', 'x'] and whose inputs hold `chunks`, loop after loop. */
  function sender(options: ClientServerOptions, chunks: DataLists[][]) {
    const made = make({ cmdLabels: [['t(s)', 'x']], ...options });
    made.block.recvAllDataRaw = (() => chunks.shift() ?? []) as ClientServer['recvAllDataRaw'];
    return made;
  }

  it("counts the rows as dropped with whileDisconnected: 'drop', from the first Link holding the group's labels", () => {
    const { block, logs } = sender({}, [[{ y: [1] }, { 't(s)': [0.1, 0.2], x: [1, 2] }], [{ 't(s)': [0.3], x: [3] }]]);
    block.loop();
    block.loop();
    expect(block.stats.droppedRows).toBe(3);
    expect(block.stats.sentRows).toBe(0);
    expect(logs.filter((log) => log.level === LogLevel.WARNING)).toHaveLength(1);
  });

  it('counts as dropped the rows that lack one of the labels of the group', () => {
    const { block } = sender({}, [[{ 't(s)': [0.1, 0.2, 0.3], x: [1] }]]);
    block.loop();
    expect(block.stats.droppedRows).toBe(3);
  });

  it("keeps up to queueSize messages with whileDisconnected: 'queue', then drops and counts", () => {
    const chunk = (): DataLists[] => [{ 't(s)': [0.1, 0.2], x: [1, 2] }];
    const { block } = sender({ whileDisconnected: 'queue', queueSize: 2 }, [chunk(), chunk(), chunk()]);
    block.loop();
    block.loop();
    expect(block.stats.droppedRows).toBe(0);
    block.loop();
    expect(block.stats.droppedRows).toBe(2);
  });

  it('counts what is still queued at the end as dropped, with a warning', async () => {
    const { block, logs } = sender({ whileDisconnected: 'queue' }, [[{ 't(s)': [0.1, 0.2], x: [1, 2] }], []]);
    block.loop();
    await block.finish();
    expect(block.stats.droppedRows).toBe(2);
    expect(logs.map((log) => log.message)).toContain('2 queued rows were never sent: the broker was still unreachable at the end');
  });
});
