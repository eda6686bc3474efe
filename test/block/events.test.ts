// crappy.events: a script follows a run from its main thread (states, Block
// errors, dropped messages, log records, the end) without polling.
import { describe, expect, it } from 'vitest';
import { dump, events, mainEvent } from '../helpers/markers.js';
import { runScript, type ScriptResult } from '../helpers/run-script.js';

const run = (...args: string[]): Promise<ScriptResult> => runScript('block/events.ts', { args, timeoutMs: 45_000 });

/** Checks what every run of events.ts reports, whether it fails or not. */
function followed(result: ScriptResult): void {
  const why = dump(result);
  expect(events(result, 'state').map((m) => m.state), why).toEqual(['preparing', 'running', 'paused', 'running', 'stopping', 'ended']);
  // Log records reach the listeners from the main thread and from the Blocks' workers.
  expect(events(result, 'log').map((m) => [m.name, m.message]), why).toEqual([
    ['crappy', 'crappy.Pauser-1 has no Link: it receives and sends nothing (a forgotten crappy.link()?)'],
    ['crappy.Pauser-1', 'pausing the run'],
  ]);
  // Every dropped message is told, once, and the counts add up to what the Link counted.
  const drops = events(result, 'linkDrop');
  expect(drops.length, why).toBeGreaterThan(0);
  expect(drops.every((m) => m.link === 'flood' && m.sender === 'crappy.Flooder-1' && m.receiver === 'crappy.Slow-1'), why).toBe(true);
  const total = drops.reduce((sum, m) => sum + (m.dropped as number), 0);
  expect(drops.at(-1)!.totalDropped, why).toBe(total);
  expect(result.stderr, why).toContain(`flood (crappy.Flooder-1 to crappy.Slow-1):`);
  expect(Number(/flood \(crappy\.Flooder-1 to crappy\.Slow-1\): \d+ messages sent, \d+ received, (\d+) dropped/.exec(result.stderr)?.[1]), why).toBe(total);
  // A listener that throws is reported and changes nothing.
  expect(result.stderr, why).toContain(`crappy: a listener of the 'state' run event threw: Error: a buggy listener`);
}

describe.concurrent('crappy.events', () => {
  it('follows a run that completes: states, log records, dropped messages, and its end', async () => {
    const result = await run();
    followed(result);
    expect(events(result, 'blockError'), dump(result)).toEqual([]);
    expect(mainEvent(result, 'end')).toMatchObject({ outcome: 'completed', failures: [] });
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'returned' });
  });

  it('tells which Block failed and why, then that the run failed', async () => {
    const result = await run('fail');
    followed(result);
    const cause = 'crappy.Pauser-1 failed in loop(): Error: planned failure';
    expect(events(result, 'blockError'), dump(result)).toMatchObject([{ block: 'crappy.Pauser-1', cause }]);
    expect(mainEvent(result, 'end')).toMatchObject({ outcome: 'failed', failures: [cause] });
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'CrappyFail' });
  });
});
