/**
 * Some of the examples of the Generator family, run as a user would (in a
 * child process; run `npx tsc -b` first): they must end by themselves,
 * cleanly.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.js';

const example = (name: string): string => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));

describe('examples', () => {
  it.each([
    ['generator.ts', 'The Generator ended the run.'],
    ['path_custom.ts', 'Done.'],
    ['custom_path.ts', 'Done.'],
  ])('%s ends by itself', async (name, last) => {
    const run = await runScript(example(name), { timeoutMs: 30_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/ERROR|CRITICAL/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(last);
    expect(run.stdout).toMatch(/^t = \d+\.\d\d s /m);
  });
});
