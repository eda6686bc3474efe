// What the runtime adds around the lifecycle, through full runs of scripts in
// child processes: Ctrl+C, runs without Blocks or without references, the graph
// check, JavaScript entries, isMainThread, renice (S4) and logging.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dump, events, mainEvent, markers } from '../helpers/markers.js';
import { runScript, type RunScriptOptions, type ScriptResult } from '../helpers/run-script.js';

const run = (script: string, args: string[] = [], options: RunScriptOptions = {}): Promise<ScriptResult> =>
  runScript(`block/${script}`, { timeoutMs: 45_000, ...options, args });

function endedCleanly(result: ScriptResult): void {
  expect(result.signal, dump(result)).toBeNull();
  expect(result.code, dump(result)).toBe(0);
}

/** Private temporary folders, so that concurrent runs do not share `<tmpdir>/crappy/logs.txt`. */
const tmpRoot = mkdtempSync(join(tmpdir(), 'crappy-block-test-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));
let tmpCount = 0;
function privateTmp(): string {
  tmpCount += 1;
  const dir = join(tmpRoot, String(tmpCount));
  mkdirSync(dir);
  return dir;
}

/** One parsed log line. */
interface LogLine {
  line: string;
  stamp: string;
  name: string;
  level: string;
  levelField: string;
  message: string;
}

const LOG_LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) (\S+) (.{8}) (.*)$/;
const LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];

/** The log lines of a stream; fails on any line that is neither a log line nor a marker. */
function logLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('@@ '))
    .map((line) => {
      const match = LOG_LINE.exec(line);
      expect(match, `not a log line: ${JSON.stringify(line)}`).not.toBeNull();
      const [, stamp, name, levelField, message] = match!;
      return { line, stamp: stamp!, name: name!, levelField: levelField!, level: levelField!.trimEnd(), message: message! };
    });
}

/** Milliseconds since the epoch of a log time stamp (local time). */
function stampMs(stamp: string): number {
  const [date, time] = stamp.split(' ');
  const [y, mo, d] = date!.split('-').map(Number);
  const [hms, ms] = time!.split(',');
  const [h, mi, s] = hms!.split(':').map(Number);
  return new Date(y!, mo! - 1, d!, h!, mi!, s!, Number(ms)).getTime();
}

describe.concurrent('Ctrl+C', () => {
  /** Runs sigint.ts and sends it SIGINT once both of its Blocks loop. */
  async function interrupted(args: string[]): Promise<ScriptResult> {
    let seen = '';
    let sent = false;
    return run('sigint.ts', args, {
      onStdout: (chunk, child) => {
        seen += chunk;
        if (sent) return;
        const looping = markers(seen.slice(0, seen.lastIndexOf('\n') + 1)).filter((m) => m.event === 'loop');
        if (looping.length === 2) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
  }

  it('stops every Block through its finish() and start() rejects with KeyboardInterrupt', async () => {
    const result = await interrupted([]);
    endedCleanly(result);
    expect(events(result, 'finish', { main: false }).map((m) => m.tag).sort(), dump(result)).toEqual(['a', 'b']);
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'KeyboardInterrupt', isKbi: true });
    expect(result.stderr).toMatch(/crappy WARNING +Ctrl\+C: stopping the run/);
    expect(mainEvent(result, 'after')).toMatchObject({ instances: 0 });
  });

  it('does not wait for a Block stuck in a synchronous loop longer than the 3.5 s grace, even when no thread exits', async () => {
    let seen = '';
    let sent = false;
    const result = await run('sigint-stuck.ts', [], {
      onStdout: (chunk, child) => {
        seen += chunk;
        if (!sent && /"event":"hanging"/.test(seen)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    endedCleanly(result);
    const end = mainEvent(result, 'result');
    // A Block had to be terminated: that is a failure, which beats the Ctrl+C.
    expect(end.outcome).toBe('CrappyFail');
    expect(end.sinceSigint as number).toBeGreaterThanOrEqual(2.9);
    expect(end.sinceSigint as number).toBeLessThan(30);
    expect(result.stderr).toMatch(/crappy\.Stuck-1 did not stop within 3\.5 s: terminating it/);
    // The stuck Block died in its loop.
    expect(events(result, 'finish', { main: false, block: 'crappy.Stuck-1' })).toHaveLength(0);
    expect(events(result, 'hang-over')).toHaveLength(0);
    expect(mainEvent(result, 'exit').sinceSigint as number).toBeLessThan(35);
  });

  it('with noRaise, start() resolves', async () => {
    const result = await interrupted(['noRaise']);
    endedCleanly(result);
    expect(events(result, 'finish', { main: false }).map((m) => m.tag).sort(), dump(result)).toEqual(['a', 'b']);
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'returned' });
  });
});

describe.concurrent('the graph and the entry script', () => {
  it('start() without any Block returns', async () => {
    const result = await run('no-block.ts', [], { timeoutMs: 20_000 });
    endedCleanly(result);
    expect(mainEvent(result, 'returned')).toBeDefined();
    expect(result.stderr).toMatch(/crappy WARNING +No Block to run/);
  });

  it('runs Blocks the script keeps no reference to', async () => {
    const result = await run('unreferenced.ts');
    endedCleanly(result);
    for (const tag of ['nameless', 'alone']) {
      expect(events(result, 'prepare', { main: false, tag }), tag).toHaveLength(1);
      expect(events(result, 'finish', { main: false, tag }), tag).toHaveLength(1);
    }
    expect(events(result, 'collected', { main: false })).toMatchObject([{ got: [1, 2, 3, 4] }]);
    expect(mainEvent(result, 'returned')).toBeDefined();
  });

  it('fails the run with a message naming the mismatch when a Link is named from Math.random()', async () => {
    const result = await run('random-graph.ts');
    endedCleanly(result);
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'CrappyFail' });
    expect(result.stderr).toMatch(
      /rebuilt a different graph than the main thread \(Link #0 is link-0\.\d+ \(Block #0 to #1\) in the main thread but link-0\.\d+ \(Block #0 to #1\) in the worker\)/,
    );
    expect(result.stderr).toMatch(/must build the same Blocks and Links every time it runs/);
    // No Block went on with a graph it could not trust.
    expect(events(result, 'prepare')).toHaveLength(0);
  });

  it('fails the run with a message naming the mismatch when the number of Blocks differs', async () => {
    const result = await run('random-blocks.ts');
    endedCleanly(result);
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'CrappyFail' });
    expect(result.stderr).toMatch(/the main thread has 2 Blocks, the worker rebuilt 3/);
    expect(events(result, 'prepare')).toHaveLength(0);
  });

  it('runs a plain JavaScript entry (.mjs) like a TypeScript one', async () => {
    const result = await run('plain.mjs');
    endedCleanly(result);
    // Main, then one worker per Block, each running the script.
    expect(events(result, 'script-start', { main: true })).toHaveLength(1);
    expect(events(result, 'script-start', { main: false })).toHaveLength(2);
    // The Link and its modifier (a closure of the script) worked.
    expect(events(result, 'collected', { main: false })).toMatchObject([{ block: 'crappy.Gather-1', got: [10, 20, 30, 40, 50] }]);
    expect(mainEvent(result, 'returned')).toBeDefined();
  });

  it('crappy.isMainThread is true only in the main thread, and code after start() runs once', async () => {
    const result = await run('main-thread.ts');
    endedCleanly(result);
    const before = events(result, 'before');
    expect(before).toHaveLength(3);
    expect(before.filter((m) => m.isMainThread === true)).toHaveLength(1);
    expect(before.filter((m) => m.isMainThread === false)).toHaveLength(2);
    const after = events(result, 'after');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ isMainThread: true, main: true });
  });
});

describe.concurrent('S4: renice', () => {
  const cases: [niceness: number, allowRoot: boolean, expected: number][] = [
    [5, false, 5],
    [-5, true, -5],
    [-5, false, 0],
  ];
  // Raising a thread's priority needs root (CI runs as root); elsewhere that case cannot pass.
  const canRaisePriority = process.getuid?.() === 0;
  for (const [niceness, allowRoot, expected] of cases) {
    it.skipIf(expected < 0 && !canRaisePriority)(`niceness ${niceness}${allowRoot ? ' with' : ' without'} allowRoot: the Block's own thread runs at ${expected}`, async () => {
      const result = await run('renice.ts', [String(niceness), allowRoot ? '1' : '0']);
      endedCleanly(result);
      const niced = events(result, 'nice', { main: false, tag: 'niced' });
      expect(niced, dump(result)).toHaveLength(1);
      expect(niced[0]!.value).toBe(expected);
      // Only that Block's thread: its neighbour and the main thread keep 0.
      for (const m of events(result, 'nice', { main: false, tag: 'default' })) expect(m.value).toBe(0);
      expect(mainEvent(result, 'main-nice').value).toBe(0);
    });
  }
});

describe.concurrent('logging', () => {
  /** Runs logging.ts in a private tmpdir whose log file holds a stale line. */
  async function logged(level: string): Promise<{ result: ScriptResult; file: string; out: LogLine[]; err: LogLine[] }> {
    const dir = privateTmp();
    mkdirSync(join(dir, 'crappy'));
    const logFile = join(dir, 'crappy', 'logs.txt');
    writeFileSync(logFile, 'STALE LINE FROM AN EARLIER RUN\n');
    const result = await run('logging.ts', [level], { env: { TMPDIR: dir } });
    endedCleanly(result);
    expect(mainEvent(result, 'returned').logFile).toBe(logFile);
    return { result, file: readFileSync(logFile, 'utf8'), out: logLines(result.stdout), err: logLines(result.stderr) };
  }

  const talker = (lines: LogLine[], debug: string): string[] =>
    lines.filter((l) => l.message.endsWith(`with debug=${debug}`)).map((l) => l.level);

  it('writes DEBUG and INFO to stdout, WARNING and above to stderr, in the documented format, and to the log file', async () => {
    const { result, file, out, err } = await logged('default');
    const startedAt = Date.now() - result.elapsedMs;
    for (const l of [...out, ...err]) {
      expect(LEVELS).toContain(l.level);
      expect(l.levelField).toBe(l.level.padEnd(8));
      const ms = stampMs(l.stamp);
      expect(ms).toBeGreaterThanOrEqual(startedAt - 60_000);
      expect(ms).toBeLessThanOrEqual(Date.now() + 60_000);
    }
    for (const l of out) expect(['DEBUG', 'INFO']).toContain(l.level);
    for (const l of err) expect(['WARNING', 'ERROR', 'CRITICAL']).toContain(l.level);
    // An exact line, to pin the format.
    expect(out.map((l) => l.line)).toContainEqual(expect.stringMatching(/^\S+ \S+ crappy\.Talker-1 DEBUG    says debug with debug=true$/));
    expect(err.map((l) => l.line)).toContainEqual(expect.stringMatching(/^\S+ \S+ crappy\.Talker-2 WARNING  says warning with debug=false$/));
    expect(err.map((l) => l.line)).toContainEqual(expect.stringMatching(/^\S+ \S+ crappy\.Talker-3 CRITICAL says critical with debug=null$/));
    // The main thread logs as 'crappy'.
    expect(out.some((l) => l.name === 'crappy' && l.level === 'INFO' && /Starting 4 Blocks/.test(l.message))).toBe(true);
    // The log file holds exactly this run's lines (the stale line is gone).
    const fileLines = file.split('\n').filter((line) => line !== '');
    expect(fileLines.sort()).toEqual([...out, ...err].map((l) => l.line).sort());
    expect(file).not.toMatch(/STALE/);
  });

  it('Block debug true / false / null logs from DEBUG / INFO / CRITICAL', async () => {
    const { out, err } = await logged('default');
    const all = [...out, ...err];
    expect(talker(all, 'true').sort()).toEqual(['CRITICAL', 'DEBUG', 'ERROR', 'INFO', 'WARNING']);
    expect(talker(all, 'false').sort()).toEqual(['CRITICAL', 'ERROR', 'INFO', 'WARNING']);
    expect(talker(all, 'null')).toEqual(['CRITICAL']);
  });

  it("start's logLevel is a floor for every Block and for the main thread", async () => {
    const { out, err } = await logged('warning');
    expect(out).toEqual([]);
    expect(talker(err, 'true').sort()).toEqual(['CRITICAL', 'ERROR', 'WARNING']);
    expect(talker(err, 'false').sort()).toEqual(['CRITICAL', 'ERROR', 'WARNING']);
    expect(talker(err, 'null')).toEqual(['CRITICAL']);
  });

  it('logLevel null disables logging', async () => {
    const { out, err, file } = await logged('null');
    expect(out).toEqual([]);
    expect(err).toEqual([]);
    expect(file).toBe('');
  });

  it('displayFreq logs loops/s every 2 s, and only for the Block that asks', async () => {
    const result = await run('display-freq.ts', [], { env: { TMPDIR: privateTmp() } });
    endedCleanly(result);
    const lines = logLines(result.stdout).filter((l) => l.message.startsWith('loops/s:'));
    expect(lines.every((l) => l.name === 'crappy.Looper-1' && l.level === 'INFO'), dump(result)).toBe(true);
    // The Block stopped the run once its loops/s window had restarted twice: two lines, 2 s or more apart.
    expect(lines.length, dump(result)).toBe(2);
    for (const l of lines) {
      const value = Number(/^loops\/s: (\S+)$/.exec(l.message)?.[1]);
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(101); // freq is 100
    }
    expect(stampMs(lines[1]!.stamp) - stampMs(lines[0]!.stamp)).toBeGreaterThanOrEqual(1990);
  });
});
