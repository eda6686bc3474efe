/**
 * Each data Block, and Modifiers on Links, in a full run of a script in a
 * child process (test/scripts/data-blocks/): the Blocks run in their worker
 * threads, and a collecting Block prints what it got as a marker line. The
 * scripts end by themselves (the collector or the source stops the run once
 * the expected data went through), so nothing here depends on timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from '../../packages/core/src/index.js';
import { dump, events } from '../helpers/markers.js';
import { runScript, type ScriptResult } from '../helpers/run-script.js';

/** A private temporary folder, so that concurrent runs do not share `<tmpdir>/crappy/logs.txt`. */
const tmp = mkdtempSync(join(tmpdir(), 'crappy-data-blocks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(script: string): Promise<ScriptResult> {
  const result = await runScript(`data-blocks/${script}`, { timeoutMs: 45_000, env: { TMPDIR: tmp } });
  expect(result.signal, dump(result)).toBeNull();
  expect(result.code, dump(result)).toBe(0);
  return result;
}

/** The messages printed by each collector, in the order they printed. */
function collected(result: ScriptResult): Message[][] {
  return events(result, 'messages').map((marker) => marker.messages as Message[]);
}

const close = (a: unknown, b: number): boolean => typeof a === 'number' && Math.abs(a - b) < 1e-9;

describe('data Blocks in full runs', () => {
  it('Sink takes every message of its input', async () => {
    const result = await run('sink.ts');
    const [stats] = events(result, 'stats');
    expect(stats, dump(result)).toMatchObject({ sent: 20, dropped: 0, received: 20 });
  });

  it('LinkReader logs each message at INFO level', async () => {
    const result = await run('link-reader.ts');
    const lines = result.stdout.split('\n').filter((line) => line.includes('Reader got:'));
    expect(lines, dump(result)).toHaveLength(3);
    lines.forEach((line, i) => {
      expect(line).toMatch(/crappy\.LinkReader-1 INFO/);
      expect(line).toContain(`Reader got: {'n': ${i + 1}, 't(s)': ${(i + 1) / 10}, 'text': 'm${i + 1}'}`);
    });
  });

  it('MeanBlock averages over its delay and keeps the relative times as they are', async () => {
    const result = await run('mean-block.ts');
    const [messages] = collected(result);
    expect(messages, dump(result)).toHaveLength(2);
    let lastT = -Infinity;
    for (const message of messages!) {
      expect(Object.keys(message).sort()).toEqual(['t(s)', 'x', 'y']);
      expect(message.x).toBe(2);
      // y = i and t = i / 100 over a run of consecutive samples: the mean of y is 100 × the middle time.
      const t = message['t(s)'] as number;
      expect(close(message.y, 100 * t), JSON.stringify(message)).toBe(true);
      expect(t).toBeGreaterThan(lastT);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThan(20);
      lastT = t;
    }
  });

  it('Multiplexer puts both inputs on the interpolation grid', async () => {
    const result = await run('multiplexer.ts');
    const [messages] = collected(result);
    expect(messages, dump(result)).toHaveLength(20);
    messages!.forEach((message, i) => {
      expect(Object.keys(message).sort()).toEqual(['a', 'b', 't(s)']);
      expect(close(message['t(s)'], i / 20), JSON.stringify(message)).toBe(true);
      expect(close(message.a, i / 2), JSON.stringify(message)).toBe(true);
      expect(close(message.b, 100 + i / 20), JSON.stringify(message)).toBe(true);
    });
  });

  it('Synchronizer interpolates on the reference times', async () => {
    const result = await run('synchronizer.ts');
    const [messages] = collected(result);
    expect(messages, dump(result)).toHaveLength(10);
    messages!.forEach((message, k) => {
      expect(message.ref).toBe(k);
      expect(message['t(s)']).toBe(k / 10);
      expect(close(message.x, k), JSON.stringify(message)).toBe(true);
    });
  });

  it('Modifiers change the messages of their own Link, in the sender', async () => {
    const result = await run('modifiers.ts');
    const lists = collected(result);
    expect(lists, dump(result)).toHaveLength(2);
    const averaged = lists.find((messages) => messages.length === 4);
    const downSampled = lists.find((messages) => messages.length === 5);
    expect(averaged!.map((m) => m.v)).toEqual([0, 5, 10, 15]);
    expect(averaged!.every((m, i) => close(m['t(s)'], 0.02 + i * 0.05))).toBe(true);
    expect(downSampled).toEqual([0, 4, 8, 12, 16].map((i) => ({ 't(s)': i / 100, v: i })));
  });
});
