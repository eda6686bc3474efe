/**
 * The examples of the data Blocks run to their end, as a user runs them
 * (`npx tsx examples/<name>.ts`), and show data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dump } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const tmp = mkdtempSync(join(tmpdir(), 'crappy-data-examples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('data Block examples', () => {
  it.each([
    ['sink.ts', /samples acquired, all dropped by the Sink/],
    ['link_reader.ts', /Monitor got: \{'t\(s\)': [\d.e-]+, 'status': 'running'\}/],
    // With two inputs, the labels come in the order they first arrived, which depends on which sensor sent first.
    ['mean_block.ts', /averaged got: \{(?=[^\n]*'F\(N\)': [\d.e-]+)(?=[^\n]*'x\(mm\)': [\d.e-]+)[^\n]*'t\(s\)': [\d.e-]+\}/],
    ['multiplexer.ts', /multiplexed got: \{(?=[^\n]*'F\(N\)': [\d.e-]+)(?=[^\n]*'x\(mm\)': [\d.e-]+)[^\n]*'t\(s\)': 0\.5\}/],
    ['synchronizer.ts', /synchronized got: \{(?=[^\n]*'Exx\(%\)': [\d.e-]+)(?=[^\n]*'F\(N\)': [\d.e-]+)[^\n]*'t\(s\)': [\d.e-]+\}/],
  ])('%s', async (example, shown) => {
    const result = await runScript(join(EXAMPLES, example), { timeoutMs: 45_000, env: { TMPDIR: tmp } });
    expect(result.code, dump(result)).toBe(0);
    expect(result.stdout, dump(result)).toMatch(shown);
  });
});
