// Ways for a run to end other than a plain error in a lifecycle method
// (docs/runtime.md, "Failure modes"), through full runs of
// test/scripts/block/escapes.ts: the stop exceptions a Block may throw from
// loop() (KeyboardInterrupt stops the run as Ctrl+C does, ReaderStop ends it
// normally, as in the original),
// errors outside the lifecycle, a thread that exits by itself, and a run
// extension whose cleanup fails.
import { describe, expect, it } from 'vitest';
import { dump, events, mainEvent } from '../helpers/markers.js';
import { runScript, type ScriptResult } from '../helpers/run-script.js';

const run = (mode: string): Promise<ScriptResult> => runScript('block/escapes.ts', { args: [mode], timeoutMs: 45_000 });

/** The tags of the Blocks whose finish() ran, sorted. */
const finished = (result: ScriptResult): string[] =>
  events(result, 'finish', { main: false })
    .map((marker) => String(marker.tag))
    .sort();

describe.concurrent('a run that ends by an escape from the lifecycle', () => {
  it('KeyboardInterrupt from loop(): every finish() runs and start() rejects with KeyboardInterrupt', async () => {
    const result = await run('kbi');
    expect(result.code, dump(result)).toBe(0);
    expect(finished(result), dump(result)).toEqual(['bystander', 'escaper']);
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'threw', name: 'KeyboardInterrupt', isKbi: true, isCrappyFail: false });
    expect(result.stderr).not.toMatch(/ ERROR /);
  });

  it('ReaderStop from loop(): a warning, every finish() runs and start() returns', async () => {
    const result = await run('reader-stop');
    expect(result.code, dump(result)).toBe(0);
    expect(finished(result), dump(result)).toEqual(['bystander', 'escaper']);
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'returned' });
    expect(result.stderr).toMatch(/crappy\.Escaper-1 WARNING +ReaderStop/);
    expect(result.stderr).not.toMatch(/ ERROR /);
  });

  for (const [mode, cause] of [
    ['rejection', 'The thread of crappy.Escaper-1 failed: Error: rejected on purpose'],
    ['thread-error', 'The thread of crappy.Escaper-1 failed: Error: thrown in a timer on purpose'],
    ['exit', 'The thread of crappy.Escaper-1 exited with code 3'],
  ] as const) {
    it(`${mode}: logged, the other Block finishes, and start() rejects with CrappyFail naming it`, async () => {
      const result = await run(mode);
      expect(result.code, dump(result)).toBe(0);
      // The failed thread is gone; the bystander was stopped and finished.
      expect(finished(result), dump(result)).toEqual(['bystander']);
      expect(result.stderr).toContain(`ERROR    ${cause}`);
      const end = mainEvent(result, 'result');
      expect(end).toMatchObject({ outcome: 'threw', name: 'CrappyFail', isCrappyFail: true });
      expect(String(end.message).startsWith(`The run failed: ${cause}`), String(end.message)).toBe(true);
    });
  }

  it("an extension's onCleanup that throws: logged, the next extension still cleans up, and the run fails", async () => {
    const result = await run('cleanup');
    expect(result.code, dump(result)).toBe(0);
    expect(finished(result), dump(result)).toEqual(['bystander', 'escaper']);
    expect(events(result, 'cleanup').map((marker) => marker.extension)).toEqual(['failing-cleanup', 'later-cleanup']);
    expect(result.stderr).toContain('ERROR    Error while stopping failing-cleanup: Error: could not clean up on purpose');
    const end = mainEvent(result, 'result');
    expect(end).toMatchObject({ outcome: 'threw', name: 'CrappyFail', isCrappyFail: true });
    expect(String(end.message)).toMatch(/^The run failed: Error while stopping failing-cleanup: Error: could not clean up on purpose/);
  });
});
