/**
 * Every script of examples/ runs as a user would run it (`npx tsx`, here
 * `node --import tsx` in a child process; run `npx tsc -b` first), ends by
 * itself and exits 0 without logging an error. The family test folders
 * check what some of them print.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScript } from './helpers/run-script.js';

const folder = fileURLToPath(new URL('../examples/', import.meta.url));
const examples = readdirSync(folder).filter((name) => name.endsWith('.ts')).sort();

describe('every example', () => {
  it('there are examples to run', () => {
    expect(examples).toContain('demo.ts');
    expect(examples).toContain('custom_block.ts');
  });

  it.each(examples)('%s ends by itself and exits 0', async (name) => {
    // Port 0: the web UI of an example takes a free port, never one another run holds.
    // A private TMPDIR: the files an example writes there are its own.
    // Killed before the test's own timeout, so that a hung example never outlives its test.
    const tmp = mkdtempSync(join(tmpdir(), 'crappy-example-'));
    const run = await runScript(`${folder}${name}`, { timeoutMs: 50_000, env: { CRAPPY_UI_PORT: '0', TMPDIR: tmp } });
    rmSync(tmp, { recursive: true, force: true });
    expect(run.signal, `${name} was killed: it did not end by itself\n${run.stderr}`).toBeNull();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/ ERROR | CRITICAL /);
  });
});
