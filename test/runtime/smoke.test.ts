import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.js';

describe('a full run in a child process', () => {
  it('runs two Blocks, delivers every message and returns from start()', async () => {
    const result = await runScript('two-blocks.ts');
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('RECEIVED [1,2,3,4,5]');
    expect(result.stdout.match(/MAIN DONE/g)).toHaveLength(1);
  });
});
