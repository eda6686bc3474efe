/**
 * The examples of the Modifiers run to their end, as a user runs them
 * (`npx tsx examples/<name>.ts`), and the values their LinkReaders print are
 * those the Modifier computes from the example's signal: each line is
 * checked against the formula (exactly, or within the noise the example
 * adds), not only its shape.
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

/** One message a LinkReader printed. */
type Got = Record<string, number | string>;

/** The messages the LinkReader named `name` printed (`<name> got: {...}`), in order. */
function got(stdout: string, name: string): Got[] {
  const lines = stdout.split('\n').filter((line) => line.includes(` ${name} got: {`));
  return lines.map((line) => JSON.parse(line.slice(line.indexOf(' got: ') + 6).replaceAll("'", '"')) as Got);
}

const num = (message: Got, label: string): number => message[label] as number;
const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
/** `actual` equals `expected` but for rounding. */
const close = (actual: number, expected: number, what: string): void => {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-9);
};

/** Per example: the LinkReader's name, and the checks of what it printed (and of the raw LinkReader's, if any). */
const cases: Array<[string, string, (lines: Got[], raw: Got[]) => void]> = [
  ['modifier_demux.ts', 'demuxed', (lines) => {
    // Chunk b holds the times (10b + i) / 50, i < 10; Demux with mean: the chunk's means.
    for (const line of lines) {
      const b = Math.round((num(line, 't(s)') - 0.09) / 0.2);
      const times = Array.from({ length: 10 }, (_, i) => (10 * b + i) / 50);
      close(num(line, 't(s)'), mean(times), 't(s)');
      close(num(line, 'U(V)'), mean(times.map((t) => 5 + Math.sin(t))), 'U(V)');
      close(num(line, 'I(A)'), mean(times.map((t) => 0.1 * Math.cos(t))), 'I(A)');
    }
  }],
  ['modifier_diff.ts', 'with speed', (lines) => {
    expect(num(lines[0]!, 'v(mm/s)')).toBe(0);
    lines.forEach((line, k) => {
      const t = num(line, 't(s)');
      close(num(line, 'x(mm)'), 2 * t + 0.1 * Math.sin(4 * t), 'x(mm)');
      if (k === 0) return;
      const before = lines[k - 1]!;
      close(num(line, 'v(mm/s)'), (num(line, 'x(mm)') - num(before, 'x(mm)')) / (t - num(before, 't(s)')), 'v(mm/s)');
    });
  }],
  ['modifier_down_sampler.ts', 'one in 25', (lines) => {
    for (const line of lines) close(num(line, 'U(V)'), Math.sin(2 * Math.PI * num(line, 't(s)')), 'U(V)');
  }],
  ['modifier_integrate.ts', 'with distance', (lines) => {
    // The trapezoid rule over the messages, from 0; the speed steps from 1 to 3 at 1.5 s.
    let x = 0;
    lines.forEach((line, k) => {
      const t = num(line, 't(s)');
      expect(num(line, 'v(mm/s)')).toBe(t < 1.5 ? 1 : 3);
      if (k > 0) {
        const before = lines[k - 1]!;
        x += ((t - num(before, 't(s)')) * (num(line, 'v(mm/s)') + num(before, 'v(mm/s)'))) / 2;
      }
      close(num(line, 'x(mm)'), x, 'x(mm)');
    });
    expect(lines.at(-1)!['v(mm/s)']).toBe(3);
  }],
  ['modifier_mean.ts', 'mean of 50', (lines) => {
    // 50 values uniform in 10 ± 0.5: their mean is within 0.04 of 10 (one sigma).
    for (const line of lines) expect(Math.abs(num(line, 'F(N)') - 10)).toBeLessThan(0.25);
  }],
  ['modifier_median.ts', 'median of 25', (lines) => {
    // One value in 10 is a 1000 N spike: the median never is.
    for (const line of lines) expect(Math.abs(num(line, 'F(N)') - 10)).toBeLessThanOrEqual(0.5);
  }],
  ['modifier_moving_avg.ts', 'smoothed', (lines, raw) => {
    lines.forEach((line, k) => {
      const window = raw.slice(Math.max(0, k - 4), k + 1);
      close(num(line, 'F(N)'), mean(window.map((m) => num(m, 'F(N)'))), `F(N) of message ${k}`);
      close(num(line, 't(s)'), mean(window.map((m) => num(m, 't(s)'))), `t(s) of message ${k}`);
    });
  }],
  ['modifier_moving_med.ts', 'filtered', (lines, raw) => {
    lines.forEach((line, k) => {
      const window = raw.slice(Math.max(0, k - 4), k + 1);
      close(num(line, 'F(N)'), median(window.map((m) => num(m, 'F(N)'))), `F(N) of message ${k}`);
    });
  }],
  ['modifier_offset.ts', 'zeroed', (lines) => {
    // F = 3.2 + t, offset so that the first message reads 0.
    const first = num(lines[0]!, 't(s)');
    for (const line of lines) close(num(line, 'F(N)'), num(line, 't(s)') - first, 'F(N)');
  }],
  ['modifier_trig_on_change.ts', 'new step', (lines) => {
    // One message per step, the first one's included, each with the time it began.
    expect(lines[0]!.step).toBe(Math.floor(num(lines[0]!, 't(s)') / 0.5));
    lines.forEach((line, k) => {
      expect(Math.floor(num(line, 't(s)') / 0.5)).toBe(line.step);
      if (k > 0) expect(num(line, 'step')).toBeGreaterThan(num(lines[k - 1]!, 'step'));
    });
  }],
  ['modifier_trig_on_value.ts', 'holding', (lines) => {
    for (const line of lines) {
      expect(line.state).toBe('hold');
      expect(Math.floor(num(line, 't(s)') / 0.4) % 3).toBe(1);
    }
  }],
  ['custom_modifier.ts', 'peaks', (lines) => {
    // F converted to kN, only from 0.5 kN up, with the peak so far.
    let peak = -Infinity;
    for (const line of lines) {
      close(num(line, 'F(kN)'), (500 + 500 * Math.sin(3 * num(line, 't(s)'))) / 1000, 'F(kN)');
      expect(num(line, 'F(kN)')).toBeGreaterThanOrEqual(0.5);
      peak = Math.max(peak, num(line, 'F(kN)'));
      expect(num(line, 'Fmax(kN)')).toBe(peak);
    }
  }],
];

describe('Modifier examples', () => {
  it.each(cases)('%s', async (example, name, check) => {
    const result = await runScript(join(EXAMPLES, example), { timeoutMs: 45_000, env: { TMPDIR: tmp } });
    expect(result.code, dump(result)).toBe(0);
    const lines = got(result.stdout, name);
    expect(lines.length, dump(result)).toBeGreaterThan(1);
    check(lines, got(result.stdout, 'raw'));
  });
});
