/**
 * The examples of the Modifiers run to their end, as a user runs them
 * (`npx tsx examples/<name>.ts`), and their LinkReader shows modified data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dump } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const tmp = mkdtempSync(join(tmpdir(), 'crappy-modifier-examples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NUMBER = String.raw`-?[\d.e-]+`;

describe('Modifier examples', () => {
  it.each([
    ['modifier_demux.ts', `demuxed got: \\{'t\\(s\\)': ${NUMBER}, 'U\\(V\\)': ${NUMBER}, 'I\\(A\\)': ${NUMBER}\\}`],
    ['modifier_diff.ts', `with speed got: \\{'t\\(s\\)': ${NUMBER}, 'x\\(mm\\)': ${NUMBER}, 'v\\(mm/s\\)': ${NUMBER}\\}`],
    ['modifier_down_sampler.ts', `one in 25 got: \\{'t\\(s\\)': ${NUMBER}, 'U\\(V\\)': ${NUMBER}\\}`],
    ['modifier_integrate.ts', `with distance got: \\{'t\\(s\\)': ${NUMBER}, 'v\\(mm/s\\)': 1, 'x\\(mm\\)': 0\\}`],
    ['modifier_mean.ts', `mean of 50 got: \\{'t\\(s\\)': ${NUMBER}, 'F\\(N\\)': ${NUMBER}\\}`],
    ['modifier_median.ts', `median of 25 got: \\{'t\\(s\\)': ${NUMBER}, 'F\\(N\\)': ${NUMBER}\\}`],
    ['modifier_moving_avg.ts', `smoothed got: \\{'t\\(s\\)': ${NUMBER}, 'F\\(N\\)': ${NUMBER}\\}`],
    ['modifier_moving_med.ts', `filtered got: \\{'t\\(s\\)': ${NUMBER}, 'F\\(N\\)': ${NUMBER}\\}`],
    ['modifier_offset.ts', `zeroed got: \\{'t\\(s\\)': ${NUMBER}, 'F\\(N\\)': 0\\}`],
    ['modifier_trig_on_change.ts', `new step got: \\{'t\\(s\\)': ${NUMBER}, 'step': 1\\}`],
    ['modifier_trig_on_value.ts', `holding got: \\{'t\\(s\\)': ${NUMBER}, 'state': 'hold'\\}`],
    ['custom_modifier.ts', `peaks got: \\{'t\\(s\\)': ${NUMBER}, 'F\\(kN\\)': ${NUMBER}, 'Fmax\\(kN\\)': ${NUMBER}\\}`],
  ])('%s', async (example, shown) => {
    const result = await runScript(join(EXAMPLES, example), { timeoutMs: 45_000, env: { TMPDIR: tmp } });
    expect(result.code, dump(result)).toBe(0);
    expect(result.stdout, dump(result)).toMatch(new RegExp(shown));
  });
});
