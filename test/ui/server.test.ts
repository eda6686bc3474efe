// The UI server's faults, without a browser.
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.js';

describe('the UI server', () => {
  it('fails start() with a clear error before any Block starts when the port is taken', async () => {
    const run = await runScript('ui/port-in-use.ts');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/start\(\) failed: The Crappy UI server could not listen on 127\.0\.0\.1:\d+: port \d+ is already in use/);
    expect(run.stdout).not.toContain('A Block was prepared');
  });
});
