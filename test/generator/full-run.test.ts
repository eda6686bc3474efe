/**
 * Full runs in child processes (scripts in test/scripts/generator, which
 * import 'crappy': run `npx tsc -b` first): each Block ends or pauses a real
 * run. The scripts print their results as `RESULT <name> <json>` lines.
 */
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.js';

/** The JSON printed as `RESULT <name> ...`. */
function resultOf<T>(stdout: string, name: string): T {
  const line = stdout.split('\n').find((l) => l.startsWith(`RESULT ${name} `));
  expect(line, `RESULT ${name} in ${stdout}`).toBeDefined();
  return JSON.parse(line!.slice(`RESULT ${name} `.length)) as T;
}

describe('full runs', () => {
  it('Generator: Paths end on a received label and on a delay, then the Generator ends the run cleanly', async () => {
    const run = await runScript('generator/generator.ts');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.match(/MAIN DONE/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/WARNING {2}GeneratorStop: all the Paths are done, 0.2 s ago/);
    expect(run.stderr).not.toMatch(/ERROR|CRITICAL/);
    const got = resultOf<Record<string, number[]>>(run.stdout, 'gen');
    expect(Object.keys(got).sort()).toEqual(['F(N)', 'step', 't(s)']);
    const { 't(s)': t, 'F(N)': cmd, step } = got as { 't(s)': number[]; 'F(N)': number[]; step: number[] };
    expect(new Set([t.length, cmd.length, step.length]).size).toBe(1);
    for (let i = 1; i < t.length; i++) {
      expect(t[i]).toBeGreaterThan(t[i - 1]!);
      expect(step[i]).toBeGreaterThanOrEqual(step[i - 1]!);
    }
    expect([...new Set(step)]).toEqual([0, 1, 2]);
    // the constant is sent once, the ramp starts from it and rises, the last constant is sent once
    expect(cmd.filter((_, i) => step[i] === 0)).toEqual([1]);
    const ramp = cmd.filter((_, i) => step[i] === 1);
    expect(ramp[0]).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < ramp.length; i++) expect(ramp[i]).toBeGreaterThan(ramp[i - 1]!);
    expect(cmd.filter((_, i) => step[i] === 2)).toEqual([-1]);
  });

  it('StopBlock: stops a run on a received label', async () => {
    const run = await runScript('generator/stop-block.ts', { args: ['label'] });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("Stop criterion 'n>30' reached, stopping all the Blocks");
    expect(resultOf<number>(run.stdout, 'count')).toBeGreaterThan(30);
    expect(run.stdout.match(/MAIN DONE/g)).toHaveLength(1);
  });

  it("StopBlock: stops a run on 't(s)>x' without any input Link", async () => {
    const run = await runScript('generator/stop-block.ts', { args: ['time'] });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("Stop criterion 't(s)>0.5' reached, stopping all the Blocks");
    expect(run.stdout.match(/MAIN DONE/g)).toHaveLength(1);
  });

  it('Pause: a time window pauses a pausable Block, even with no input Link, then lets it go on', async () => {
    const run = await runScript('generator/pause.ts');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("Pause criterion 't(s)>0.5 && t(s)<1.5' reached, pausing the Blocks");
    expect(run.stderr).toContain('No pause criterion holds any more, resuming the Blocks');
    const t = resultOf<{ 't(s)': number[] }>(run.stdout, 'samples')['t(s)'];
    // samples before and after the window, and one long gap (1 s nominal) starting after 0.5 s
    expect(t.some((x) => x < 0.5)).toBe(true);
    expect(t.some((x) => x > 1.5)).toBe(true);
    let gap = 0;
    let gapStart = 0;
    for (let i = 1; i < t.length; i++) {
      if (t[i]! - t[i - 1]! > gap) [gap, gapStart] = [t[i]! - t[i - 1]!, t[i - 1]!];
    }
    expect(gap).toBeGreaterThan(0.5);
    expect(gapStart).toBeGreaterThan(0.4);
  });
});
