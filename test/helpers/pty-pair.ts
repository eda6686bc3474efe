import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether socat (Debian's `socat`, installed by .ci/run) is on this machine. */
export const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;

/** Two pseudo-terminals wired to each other by socat: what is written on one is read on the other. */
export interface PtyPair {
  /** Path of one end (a symlink to /dev/pts/N). */
  a: string;
  /** Path of the other end. */
  b: string;
  /** Stops socat and removes the links. */
  close(): Promise<void>;
}

/** Starts `socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B` and waits until both ends exist. */
export async function ptyPair(): Promise<PtyPair> {
  const folder = mkdtempSync(join(tmpdir(), 'crappy-pty-'));
  const a = join(folder, 'a');
  const b = join(folder, 'b');
  const child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(existsSync(a) && existsSync(b))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('socat did not make the pseudo-terminal pair');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    a,
    b,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
