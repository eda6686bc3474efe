/**
 * One Ctrl+C is one clean stop under every launcher the README names. The
 * test sends one SIGINT to the script's whole process group, as a terminal
 * does; launchers that relay the signal (tsx, npm) may then make the script
 * receive it again tens of milliseconds later. Every Block's finish() must
 * run and the CSV must hold every row sent, every time. The relayed copy is
 * also sent on purpose, at known moments, to pin the rule: a SIGINT within
 * 1 s of the first is the same Ctrl+C; a later one ends the Blocks at once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { dump, events, mainEvent, markers } from '../helpers/markers.js';
import { SCRIPTS, type ScriptResult } from '../helpers/run-script.js';

const FOLDER = join(SCRIPTS, 'launchers');
const RUNS_PER_LAUNCHER = 3;
const output = mkdtempSync(join(tmpdir(), 'crappy-ctrl-c-'));
afterAll(() => rmSync(output, { recursive: true, force: true }));

/** How each launcher starts the recording script, given the CSV file. */
const LAUNCHERS: Record<string, (file: string) => [string, string[]]> = {
  'npx tsx': (file) => ['npx', ['tsx', 'record.ts', file]],
  node: (file) => [process.execPath, ['record.mjs', file]],
  'npx crappy run': (file) => ['npx', ['crappy', 'run', 'record.ts', file]],
  'tsx in a package.json script': (file) => ['npm', ['run', '--silent', 'record', '--', file]],
};

/**
 * Starts a command in its own process group and, once rows reach the file,
 * sends SIGINT to the whole group, then to the command alone after each of
 * `relayAfterMs` (from the first).
 */
function pressCtrlC(command: string, args: string[], relayAfterMs: number[] = []): Promise<ScriptResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: FOLDER, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pressed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (pressed || events(markers(stdout.slice(0, stdout.lastIndexOf('\n') + 1)), 'rows-flow').length === 0) return;
      pressed = true;
      process.kill(-child.pid!, 'SIGINT');
      for (const delay of relayAfterMs) {
        void sleep(delay).then(() => child.exitCode === null && child.signalCode === null && child.kill('SIGINT'));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, elapsedMs: performance.now() - started });
    });
  });
}

/** Checks that the run stopped once, cleanly, with every row of the counter in the file. */
function stoppedOnce(result: ScriptResult, file: string, why: string): void {
  expect(result.stderr, why).not.toMatch(/Second Ctrl\+C/);
  expect(mainEvent(result, 'result').outcome, why).toBe('KeyboardInterrupt');
  const finished = events(result, 'finish', { main: false });
  expect(finished.map((m) => m.block).sort(), why).toEqual(['counter', 'recorder']);
  const sent = finished.find((m) => m.block === 'counter')!.sent as number;
  const rows = readFileSync(file, 'utf8').trim().split('\n');
  expect(rows[0], why).toBe('i');
  expect(rows.slice(1).map(Number), why).toEqual(Array.from({ length: sent }, (_, i) => i + 1));
  // The script went on after its run: no copy of the signal killed it.
  expect(events(result, 'after', { main: true }), why).toHaveLength(1);
}

/**
 * Whether tsx's parent process killed the script: it waits 30 ms for the
 * script to say it got the SIGINT, relays it, waits 30 ms more, then sends
 * SIGKILL and exits with 130 (read in tsx 4.23's cli). On a machine so busy
 * that the script's main thread is not scheduled within those 60 ms,
 * nothing in the script can prevent it; the script then never reports its
 * result.
 */
function killedByTsx(launcher: string, result: ScriptResult): boolean {
  return launcher.includes('tsx') && result.code === 130 && events(result, 'result', { main: true }).length === 0;
}

/** Runs of a launcher through tsx that tsx's parent may kill (see {@link killedByTsx}) before the test fails. */
const TSX_KILLS_TOLERATED = 2;

describe('one Ctrl+C, one clean stop', () => {
  for (const [launcher, command] of Object.entries(LAUNCHERS)) {
    it(`under ${launcher}, ${RUNS_PER_LAUNCHER} times: every finish() runs and the CSV holds every row`, async () => {
      let tsxKills = 0;
      for (let run = 1; run <= RUNS_PER_LAUNCHER; run++) {
        const file = join(output, `${launcher.replaceAll(/\W+/g, '-')}-${run}-${tsxKills}.csv`);
        const result = await pressCtrlC(...command(file));
        const why = `${launcher}, run ${run}\n${dump(result)}`;
        if (killedByTsx(launcher, result) && tsxKills < TSX_KILLS_TOLERATED) {
          // Not this library's doing: the run is made again, and the test fails if it keeps happening.
          tsxKills++;
          run--;
          continue;
        }
        stoppedOnce(result, file, why);
        // npm and npx end themselves by the SIGINT they received, as shells do.
        if (launcher === 'node') expect(result.code, why).toBe(0);
        else expect(result.code === 0 || result.signal === 'SIGINT', why).toBe(true);
      }
    });
  }

  it("takes a launcher's copies of the signal, during the cleanup and after the run, for the same Ctrl+C", async () => {
    const file = join(output, 'relayed.csv');
    // The Recorder takes 300 ms to finish: the first copy comes during the cleanup, the second after the run.
    const result = await pressCtrlC(process.execPath, ['record.mjs', file, 'finish-ms=300'], [40, 700]);
    stoppedOnce(result, file, dump(result));
    expect(result.code, dump(result)).toBe(0);
  });

  it('ends the Blocks at once on a second Ctrl+C more than 1 s after the first', async () => {
    const file = join(output, 'second.csv');
    // The Recorder would take 5 s to finish.
    const result = await pressCtrlC(process.execPath, ['record.mjs', file, 'finish-ms=5000'], [1500]);
    const why = dump(result);
    expect(result.stderr, why).toMatch(/Second Ctrl\+C: terminating the Blocks without waiting for finish\(\)/);
    expect(events(result, 'finish', { main: false }).map((m) => m.block), why).toEqual(['counter']);
    expect(mainEvent(result, 'result').outcome, why).toBe('KeyboardInterrupt');
  });
});
