// Why the hardware hub exists (docs/hardware.md): serialport's native
// binding, receiving data in a worker thread, kills the whole process with a
// fatal V8 error. If this test ever fails because the process survived,
// serialport became safe in workers and the hub's serial service could go.
import { afterEach, describe, expect, it } from 'vitest';
import { hasSocat, ptyPair, type PtyPair } from '../helpers/pty-pair.js';
import { skipWithout } from '../helpers/required-tool.js';
import { runScript } from '../helpers/run-script.js';

describe.skipIf(skipWithout(hasSocat))('serialport in a worker thread, without the hub', () => {
  let pair: PtyPair | null = null;
  afterEach(async () => {
    await pair?.close();
    pair = null;
  });

  it('aborts the process as soon as data arrives', async () => {
    pair = await ptyPair();
    const result = await runScript('hardware/naive-serial-worker.mjs', { args: [pair.a, pair.b], timeoutMs: 30_000 });
    expect(result.stdout).not.toContain('survived');
    // Killed by the fatal error (SIGSEGV or SIGABRT), not by the test's timeout (SIGKILL).
    expect(['SIGSEGV', 'SIGABRT']).toContain(result.signal);
  });
});
