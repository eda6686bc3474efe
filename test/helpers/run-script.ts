import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, extname, join } from 'node:path';

/** Folder of the test scripts run in child processes. */
export const SCRIPTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts');

/** What a script run in a child process did. */
export interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run, ms. */
  elapsedMs: number;
}

/** Options of {@link runScript}. */
export interface RunScriptOptions {
  /** Arguments after the script path. */
  args?: string[];
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Kill the child after this many ms (default 60 s). */
  timeoutMs?: number;
  /** Called with the child once it started, e.g. to send it a signal. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
  /** Called for each chunk of stdout, e.g. to wait for a line. */
  onStdout?: (chunk: string, child: import('node:child_process').ChildProcess) => void;
  /** Called for each chunk of stderr (where warnings are logged), e.g. to wait for a warning. */
  onStderr?: (chunk: string, child: import('node:child_process').ChildProcess) => void;
}

/**
 * Runs a script of test/scripts (or any path) in a child Node process, the
 * way a user would: TypeScript through tsx, JavaScript as is.
 */
export function runScript(script: string, options: RunScriptOptions = {}): Promise<ScriptResult> {
  const path = script.startsWith('/') ? script : join(SCRIPTS, script);
  const ts = ['.ts', '.mts', '.cts'].includes(extname(path));
  const argv = [...(ts ? ['--import', 'tsx'] : []), path, ...(options.args ?? [])];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk, child);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(chunk, child);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, elapsedMs: performance.now() - started });
    });
    options.onSpawn?.(child);
  });
}
