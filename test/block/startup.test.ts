// The startup sequence and its failure modes, through full runs of scripts in
// child processes, as the original's tests/block/test_02_startup_sequence.py
// checks them (cases S1-S13 below), and what a user sees of a failure (U-O5).
// Each script prints `@@ {json}` markers (test/scripts/block/probe.ts).
import { describe, expect, it } from 'vitest';
import { dump, events, mainEvent, type Marker } from '../helpers/markers.js';
import { runScript, type ScriptResult } from '../helpers/run-script.js';

const run = (script: string, ...args: string[]): Promise<ScriptResult> =>
  runScript(`block/${script}`, { args, timeoutMs: 45_000 });

/** The markers of the Blocks' worker threads for one event. */
const fromWorkers = (result: ScriptResult, event: string, where: Partial<Marker> = {}): Marker[] =>
  events(result, event, { main: false, ...where });

/** Checks the script ended by itself (no thread left alive), with exit code 0. */
function endedCleanly(result: ScriptResult): void {
  expect(result.signal, dump(result)).toBeNull();
  expect(result.code, dump(result)).toBe(0);
}

/** What the run state looks like once a run is over: reset. */
const RESET_STATE = { instances: 0, preparedAll: false, launchedAll: false, hasControl: false };

describe.concurrent('startup sequence (S1-S10)', () => {
  it('S1: prepare() starts the Block, sets up the control block, and an aborted barrier ends the run', async () => {
    const result = await run('startup.ts', 'prepare-setup');
    endedCleanly(result);
    const prepared = mainEvent(result, 'prepared');
    expect(prepared).toMatchObject({
      instances: 1,
      preparedAll: true,
      launchedAll: false,
      hasControl: true,
      parties: 2, // the Blocks and the main thread
      atBarrier: 1, // the Block prepared and waits at the barrier
      broken: false,
      t0Cell: -1,
      events: { start: false, pause: false, stop: false, raise: false, kbi: false },
      sameControl: true,
    });
    // The Block was prepared in its own thread, never began nor looped, and finished.
    expect(fromWorkers(result, 'prepare')).toHaveLength(1);
    expect(fromWorkers(result, 'begin')).toHaveLength(0);
    expect(fromWorkers(result, 'loop')).toHaveLength(0);
    expect(fromWorkers(result, 'finish')).toMatchObject([{ block: 'crappy.Probe-1', loops: 0 }]);
    // A broken barrier is a PrepareError: logged, not raised.
    expect(result.stderr).toMatch(/crappy\.Probe-1 WARNING +crappy\.Probe-1: another Block failed while preparing/);
    expect(mainEvent(result, 'launch')).toMatchObject({ outcome: 'returned' });
    expect(mainEvent(result, 'after')).toMatchObject(RESET_STATE);
  });

  it('S2: prepare() twice throws CrappyFail and stops the prepared Block', async () => {
    const result = await run('startup.ts', 'prepare-twice');
    endedCleanly(result);
    expect(mainEvent(result, 'second-prepare')).toMatchObject({ outcome: 'threw', name: 'CrappyFail', isCrappyFail: true });
    expect(fromWorkers(result, 'finish')).toHaveLength(1);
    expect(fromWorkers(result, 'begin')).toHaveLength(0);
    expect(result.stderr).toMatch(/prepare\(\) was called twice/);
    expect(mainEvent(result, 'after')).toMatchObject(RESET_STATE);
  });

  it('S3: prepare() once launched throws CrappyFail', async () => {
    const result = await run('startup.ts', 'prepare-launched');
    endedCleanly(result);
    expect(mainEvent(result, 'prepare')).toMatchObject({ outcome: 'threw', name: 'CrappyFail', isCrappyFail: true });
    expect(fromWorkers(result, 'prepare')).toHaveLength(0);
    expect(result.stderr).toMatch(/prepare\(\) was called after launch\(\)/);
    expect(mainEvent(result, 'after')).toMatchObject(RESET_STATE);
  });

  it('S5: renice() before prepare() throws a plain Error and cleans nothing up', async () => {
    const result = await run('startup.ts', 'renice-not-prepared');
    endedCleanly(result);
    const renice = mainEvent(result, 'renice');
    expect(renice).toMatchObject({ outcome: 'threw', plainError: true, isCrappyError: false });
    expect(renice.message).toMatch(/before prepare\(\)/);
    // No cleanup: the Block is still there, and a normal run follows.
    expect(mainEvent(result, 'after-renice')).toMatchObject({ instances: 1, preparedAll: false, launchedAll: false });
    expect(mainEvent(result, 'start')).toMatchObject({ outcome: 'returned' });
    expect(fromWorkers(result, 'finish')).toMatchObject([{ loops: 2 }]);
  });

  it('S6: renice() once launched throws CrappyFail and stops the Block', async () => {
    const result = await run('startup.ts', 'renice-launched');
    endedCleanly(result);
    expect(mainEvent(result, 'renice')).toMatchObject({ outcome: 'threw', name: 'CrappyFail', isCrappyFail: true });
    expect(fromWorkers(result, 'finish')).toHaveLength(1);
    expect(result.stderr).toMatch(/renice\(\) was called after launch\(\)/);
    expect(mainEvent(result, 'after')).toMatchObject(RESET_STATE);
  });

  it('S6: renice() while launch() runs: both reject with CrappyFail', async () => {
    const result = await run('startup.ts', 'renice-during-launch');
    endedCleanly(result);
    expect(mainEvent(result, 'renice')).toMatchObject({ outcome: 'threw', name: 'CrappyFail' });
    expect(mainEvent(result, 'launch')).toMatchObject({ outcome: 'threw', name: 'CrappyFail' });
    expect(fromWorkers(result, 'finish')).toHaveLength(1);
    expect(mainEvent(result, 'after')).toMatchObject(RESET_STATE);
  });

  it('S7: prepare(), renice(), launch() run a Block that stops itself and return', async () => {
    const result = await run('startup.ts', 'launch');
    endedCleanly(result);
    for (const event of ['prepare', 'begin', 'loop']) expect(fromWorkers(result, event)).toHaveLength(1);
    expect(fromWorkers(result, 'finish')).toMatchObject([{ loops: 1 }]);
    expect(mainEvent(result, 'launch')).toMatchObject({ outcome: 'returned' });
    expect(mainEvent(result, 'after')).toMatchObject(RESET_STATE);
  });

  it('S8: launch() before prepare() throws a plain Error and cleans nothing up', async () => {
    const result = await run('startup.ts', 'launch-not-prepared');
    endedCleanly(result);
    const launch = mainEvent(result, 'launch');
    expect(launch).toMatchObject({ outcome: 'threw', plainError: true, isCrappyError: false });
    expect(launch.message).toMatch(/before prepare\(\)/);
    // noRaise is recorded before the check, as in the original.
    expect(mainEvent(result, 'after-launch')).toMatchObject({ instances: 1, preparedAll: false, noRaise: true });
    expect(mainEvent(result, 'start')).toMatchObject({ outcome: 'returned' });
    expect(fromWorkers(result, 'finish')).toMatchObject([{ loops: 2 }]);
  });

  it('S9: launch() twice throws CrappyFail; the first launch fails too and the Block stops', async () => {
    const result = await run('startup.ts', 'launch-twice');
    endedCleanly(result);
    expect(mainEvent(result, 'second-launch')).toMatchObject({ outcome: 'threw', name: 'CrappyFail' });
    expect(mainEvent(result, 'first-launch')).toMatchObject({ outcome: 'threw', name: 'CrappyFail' });
    expect(result.stderr).toMatch(/launch\(\) was called twice/);
    expect(fromWorkers(result, 'finish')).toHaveLength(1);
    expect(mainEvent(result, 'after')).toMatchObject(RESET_STATE);
  });

  for (const step of ['launch', 'renice'] as const) {
    it(`a wrong option of ${step}() after prepare() stops the prepared Block, then throws the TypeError`, async () => {
      const result = await run('startup.ts', `bad-${step}-option`);
      endedCleanly(result);
      const outcome = mainEvent(result, step);
      expect(outcome).toMatchObject({ outcome: 'threw', name: 'TypeError' });
      expect(outcome.message).toMatch(new RegExp(`${step}\\(\\): unknown option '(no_raise|allow_root)'`));
      // The Block never began, but its finish() ran: the run was cleaned up, not left waiting.
      expect(fromWorkers(result, 'begin')).toHaveLength(0);
      expect(fromWorkers(result, 'finish')).toHaveLength(1);
      expect(mainEvent(result, 'after')).toMatchObject(RESET_STATE);
    });
  }

  it('a start() that failed in prepare() fails in the workers too, so a script that catches it and retries works', async () => {
    const result = await run('startup.ts', 'prepare-retried');
    endedCleanly(result);
    expect(mainEvent(result, 'first-start')).toMatchObject({ outcome: 'threw', name: 'RangeError' });
    expect(mainEvent(result, 'second-start')).toMatchObject({ outcome: 'returned' });
    // The worker went through the same catch: it hosts the Block with the freq fixed.
    expect(fromWorkers(result, 'first-start')).toMatchObject([{ outcome: 'threw', name: 'RangeError' }]);
    expect(fromWorkers(result, 'finish')).toMatchObject([{ loops: 1, freq: 20 }]);
  });

  it('a run that failed throws the same error in the workers of the next run, which retries in its catch', async () => {
    const result = await run('startup.ts', 'retry-after-failed-run');
    endedCleanly(result);
    expect(mainEvent(result, 'first-run')).toMatchObject({ outcome: 'threw', name: 'CrappyFail' });
    expect(mainEvent(result, 'second-run')).toMatchObject({ outcome: 'returned' });
    expect(fromWorkers(result, 'first-run')).toMatchObject([{ outcome: 'threw', name: 'CrappyFail', isCrappyFail: true }]);
    expect(fromWorkers(result, 'finish', { tag: 'second' })).toMatchObject([{ loops: 1 }]);
  });

  it('S10: crappy.stop() from the main thread ends a Block that would loop for ever', async () => {
    const result = await run('startup.ts', 'stop-all');
    endedCleanly(result);
    expect(mainEvent(result, 'stopping')).toBeDefined();
    const [finish] = fromWorkers(result, 'finish');
    expect(finish, dump(result)).toBeDefined();
    expect(finish!.loops as number).toBeGreaterThanOrEqual(1);
    expect(mainEvent(result, 'start')).toMatchObject({ outcome: 'returned' });
    expect(mainEvent(result, 'after')).toMatchObject(RESET_STATE);
  });
});

describe.concurrent('an exception in a lifecycle method (U-O5)', () => {
  for (const where of ['prepare', 'begin', 'loop', 'finish'] as const) {
    it(`in ${where}(): start() rejects with CrappyFail after every Block's finish() ran`, async () => {
      const result = await run('exceptions.ts', where);
      endedCleanly(result);
      expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'threw', name: 'CrappyFail', isCrappyFail: true });
      const finished = fromWorkers(result, 'finish').map((m) => m.tag).sort();
      expect(finished, dump(result)).toEqual(['bystander', 'thrower']);
      // The error is logged with its message, under the failing Block's name.
      expect(result.stderr).toMatch(new RegExp(`crappy\\.Probe-1 ERROR +Exception in ${where}\\(\\): .*failed in ${where} on purpose`));
      if (where === 'prepare') {
        expect(fromWorkers(result, 'begin')).toHaveLength(0);
        expect(result.stderr).toMatch(/crappy\.Probe-2 WARNING +crappy\.Probe-2: another Block failed while preparing/);
      }
      expect(mainEvent(result, 'after')).toMatchObject({ instances: 0, preparedAll: false });
    });
  }
});

describe.concurrent('S11: restart', () => {
  it('runs two start() calls with a new graph each in one script; the second run skips the first', async () => {
    const result = await run('restart.ts');
    endedCleanly(result);
    // Each Block's lifecycle ran exactly once, in exactly one worker.
    for (const event of ['prepare', 'begin', 'loop', 'finish']) {
      expect(fromWorkers(result, event, { tag: 'run1' }), event).toHaveLength(1);
      expect(fromWorkers(result, event, { tag: 'run2' }), event).toHaveLength(1);
    }
    expect(fromWorkers(result, 'finish', { tag: 'run1' })).toMatchObject([{ loops: 3 }]);
    expect(fromWorkers(result, 'finish', { tag: 'run2' })).toMatchObject([{ loops: 5 }]);
    // The Link of the second run carried everything.
    expect(fromWorkers(result, 'collected', { tag: 'run2' })).toMatchObject([{ got: [1, 2, 3, 4, 5] }]);
    // The script ran 4 times: main, the worker of run 1, the 2 workers of run 2.
    expect(events(result, 'script-start')).toHaveLength(4);
    // Only the run-2 workers went past the first start(); none past the second.
    expect(events(result, 'between', { main: false })).toHaveLength(2);
    const between = mainEvent(result, 'between');
    expect(between.instances).toBe(0);
    const end = mainEvent(result, 'end');
    expect(end.t0First).toBe(between.t0);
    expect(end.t0Second as number).toBeGreaterThan(end.t0First as number);
    expect(end.names).toEqual(['crappy.Probe-1', 'crappy.Probe-1']);
    // The end of the second run reports its Link before `Crappy stopped`: a debug line, on stdout (nothing dropped),
    // `<link> (<sender> to <receiver>): N messages sent, R received, M dropped`, with link.stats' counts.
    expect(end.stats).toEqual({ sent: 5, received: 5, dropped: 0 });
    const report = / crappy DEBUG {4}link1 \(crappy\.Probe-1 to crappy\.Collect-1\): 5 messages sent, 5 received, 0 dropped\n/.exec(result.stdout);
    expect(report, dump(result)).not.toBeNull();
    expect(result.stdout.indexOf('Crappy stopped', report!.index)).toBeGreaterThan(report!.index);
    expect(result.stdout.match(/messages sent/g)).toHaveLength(1);
  });
});

describe.concurrent('S12: how a run ends, by the raise and kbi flags', () => {
  const matrix: [raise: boolean, kbi: boolean, noRaise: boolean, outcome: string][] = [
    [false, false, false, 'returned'],
    [true, false, false, 'CrappyFail'],
    [true, false, true, 'returned'],
    [false, true, false, 'KeyboardInterrupt'],
    [false, true, true, 'returned'],
    [true, true, false, 'CrappyFail'],
    [true, true, true, 'returned'],
  ];
  for (const [raise, kbi, noRaise, outcome] of matrix) {
    it(`raise ${raise ? 'set' : 'clear'}, kbi ${kbi ? 'set' : 'clear'}, noRaise ${noRaise}: ${outcome}`, async () => {
      const flag = (b: boolean): string => (b ? '1' : '0');
      const result = await run('cleanup-matrix.ts', flag(raise), flag(kbi), flag(noRaise));
      endedCleanly(result);
      const end = mainEvent(result, 'result');
      expect(end.outcome).toBe(outcome);
      if (outcome === 'KeyboardInterrupt') expect(end.message).toMatch(/CTRL\+C.*noRaise/);
      if (outcome === 'CrappyFail') expect(end.message).toMatch(/an error occurred while running Crappy/);
      expect(fromWorkers(result, 'finish')).toHaveLength(1);
      // reset() ran, even when start() threw.
      expect(mainEvent(result, 'after')).toMatchObject({ instances: 0, preparedAll: false, launchedAll: false, control: false });
    });
  }
});

describe.concurrent('S13: a Block that does not answer', () => {
  it('is terminated after the 3.5 s grace, and start() rejects with CrappyFail', async () => {
    const result = await run('not-responding.ts');
    endedCleanly(result);
    // The stuck Block was hanging when the other one failed.
    expect(fromWorkers(result, 'hanging')).toHaveLength(1);
    expect(result.stderr).toMatch(/crappy\.Failing-1 ERROR +Exception.*failing on purpose/);
    const end = mainEvent(result, 'result');
    expect(end.outcome).toBe('CrappyFail');
    // start() returned after the grace, not before, and long before the 40 s loop could have ended.
    expect(end.sinceT0 as number).toBeGreaterThanOrEqual(3);
    expect(end.sinceT0 as number).toBeLessThan(30);
    expect(result.stderr).toMatch(/crappy\.Stuck-1 did not stop within 3\.5 s: terminating it/);
    // The stuck thread really died: it never got out of its loop, its
    // finish() never ran, and the process ended long before the 40 s loop would have.
    expect(fromWorkers(result, 'hang-over')).toHaveLength(0);
    expect(fromWorkers(result, 'finish', { block: 'crappy.Stuck-1' })).toHaveLength(0);
    expect(fromWorkers(result, 'finish', { block: 'crappy.Failing-1' })).toHaveLength(1);
    expect(mainEvent(result, 'exit').sinceT0 as number).toBeLessThan(35);
  });
});

describe.concurrent('what a failed run prints', () => {
  for (const where of ['prepare', 'loop'] as const) {
    it(`in ${where}(): the first error printed is the cause, and the uncaught CrappyFail names it last`, async () => {
      const result = await run('uncaught-failure.ts', where);
      expect(result.code, dump(result)).not.toBe(0);
      const output = `${result.stdout}${result.stderr}`;
      const errors = output.split('\n').filter((line) => /^\S+ \S+ \S+ ERROR /.test(line));
      expect(errors[0], dump(result)).toMatch(new RegExp(`crappy\\.Probe-1 ERROR +Exception in ${where}\\(\\): Error: crappy\\.Probe-1 failed in ${where} on purpose`));
      // The others only say that they stop because of it.
      expect(errors, dump(result)).toHaveLength(1);
      const lines = result.stderr.trim().split('\n').filter((line) => line.trim() !== '' && !/^Node\.js v/.test(line));
      expect(lines.at(-1), dump(result)).toMatch(
        new RegExp(`CrappyFail: The run failed: crappy\\.Probe-1 failed in ${where}\\(\\): Error: crappy\\.Probe-1 failed in ${where} on purpose`),
      );
      expect(result.stderr.slice(result.stderr.lastIndexOf('CrappyFail'))).not.toMatch(/orchestrator/);
    });
  }
});

describe.concurrent('a Block with no Link', () => {
  it('is named in a warning when the run has other Blocks (a forgotten link())', async () => {
    const result = await run('unlinked.ts');
    endedCleanly(result);
    const warnings = result.stderr.split('\n').filter((line) => /has no Link/.test(line));
    expect(warnings, dump(result)).toEqual([
      expect.stringMatching(/crappy WARNING +crappy\.Probe-2 has no Link: it receives and sends nothing \(a forgotten crappy\.link\(\)\?\)$/),
    ]);
  });

  it('is not warned about when it runs alone', async () => {
    const result = await run('unlinked.ts', 'alone');
    endedCleanly(result);
    expect(result.stderr, dump(result)).not.toMatch(/has no Link/);
  });
});
