// The examples of the InOuts, Actuators and their Blocks, run as a user runs
// them, and the values they print checked against what each example drives:
// bounds and relations that hold whatever the machine's load. Needs a fresh
// build (npx tsc -b).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dump } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

/** The numbers of every stdout line matching `pattern`, one array per line, in order. */
function rows(stdout: string, pattern: RegExp): number[][] {
  return stdout
    .split('\n')
    .map((line) => pattern.exec(line))
    .filter((match) => match !== null)
    .map((match) => match.slice(1).map(Number));
}

/** Each example, the pattern of its printed lines (numbers captured), and the checks of those numbers. */
const cases: Array<[string, RegExp, (lines: number[][]) => void]> = [
  ['ioblock', /^t = (\d+\.\d) s: (\d+) MB used$/, (lines) => {
    // The target is the first reading + 40 MB, then + 80 MB from 1.5 s: the memory used grows with it.
    const memory = lines.map(([, mb]) => mb!);
    expect(memory.at(-1)! - Math.min(...memory)).toBeGreaterThanOrEqual(20);
  }],
  ['ioblock_streamer', /^chunk (\d+): (\d+) readings from t = ([\d.]+) s to ([\d.]+) s, mean ([\d.]+) MB$/, (lines) => {
    expect(lines.map(([chunk]) => chunk)).toEqual(lines.map((_, k) => k + 1));
    for (const [, readings, from, to, mb] of lines) {
      expect(readings).toBe(10);
      expect(to!).toBeGreaterThanOrEqual(from!);
      expect(mb!).toBeGreaterThan(1);
    }
    // Each chunk starts after the previous one ended.
    for (let k = 1; k < lines.length; k++) expect(lines[k]![2]!).toBeGreaterThanOrEqual(lines[k - 1]![3]!);
  }],
  ['machine', /^t = ([\d.]+) s: stepper at (-?\d+\.\d{3}) mm \((-?\d+\.\d\d) mm\/s\), DC motor at (\d+) RPM$/, (lines) => {
    // The stepper goes to 10 mm at most 10 mm/s, then back towards 5 mm at 4 mm/s; the DC motor halves its speed with its voltage.
    for (const [, x, v] of lines) {
      expect(x!).toBeGreaterThanOrEqual(0);
      expect(x!).toBeLessThanOrEqual(10);
      expect(Math.abs(v!)).toBeLessThanOrEqual(10);
    }
    expect(Math.max(...lines.map(([, x]) => x!))).toBe(10);
    for (const [t, , v] of lines) if (t! >= 2.5) expect(Math.abs(v!)).toBeLessThanOrEqual(4);
    const back = lines.filter(([t]) => t! >= 2).map(([, x]) => x!);
    expect(Math.min(...back)).toBeLessThan(8);
    expect(Math.min(...back)).toBeGreaterThanOrEqual(5);
    const fastest = Math.max(...lines.filter(([t]) => t! < 2).map(([, , , rpm]) => rpm!));
    expect(Math.abs(lines.at(-1)![3]! / fastest - 0.5)).toBeLessThan(0.1);
  }],
  ['fake_machine', /^(?:load done at ([\d.]+) % of strain, (-?[\d.]+) kN|unload done at ([\d.]+) % of strain, (-?[\d.]+) kN|The sample broke at ([\d.]+) % of strain, after a largest force of ([\d.]+) kN)/, (lines) => {
    expect(lines).toHaveLength(3);
    const [[loadStrain, loadForce], [, , unloadStrain, unloadForce], [, , , , breakStrain, largest]] = lines as number[][];
    expect(loadStrain!).toBeGreaterThan(1);
    expect(loadForce!).toBeGreaterThan(0);
    // Unloaded to zero force (the strain drops, the crosshead never below 0).
    expect(unloadForce!).toBeLessThanOrEqual(0);
    expect(unloadStrain!).toBeGreaterThanOrEqual(0);
    expect(unloadStrain!).toBeLessThan(loadStrain!);
    // The FakeMachine's sample breaks past 1.51 % of strain (printed rounded to 0.01).
    expect(breakStrain!).toBeGreaterThanOrEqual(1.51);
    expect(largest!).toBeGreaterThan(loadForce!);
  }],
  ['custom_inout_reading', /^t = ([\d.]+) s: (\d+) readings, last (-?\d\.\d{3}) V$/, (lines) => {
    // A 2 V sine around 3 V, zeroed over one period: the readings swing by at most 4 V, around 0 rather than 3.
    // (The zero is the mean of the readings of that period; on a busy machine they are few and uneven, so it
    // may be off by up to the amplitude: the swing's middle is then within 2 V of 0, never at 3.)
    const volts = lines.map(([, , u]) => u!);
    const [low, high] = [Math.min(...volts), Math.max(...volts)];
    expect(high - low).toBeLessThanOrEqual(4.01);
    expect(high - low).toBeGreaterThan(2);
    expect(Math.abs((high + low) / 2)).toBeLessThan(2);
  }],
  ['custom_actuator', /^t = ([\d.]+) s: servo at (-?\d+\.\d)°$/, (lines) => {
    // From 45° to 0°, then to 180° once the command changes at 1.5 s, at 60 °/s.
    expect(lines[0]![1]!).toBeLessThanOrEqual(45);
    for (let k = 1; k < lines.length; k++) {
      const [t0, a0] = lines[k - 1]!;
      const [t1, a1] = lines[k]!;
      expect(Math.abs(a1! - a0!), `from ${t0} s to ${t1} s`).toBeLessThanOrEqual(60 * (t1! - t0!) + 1);
      if (t1! < 1.5) expect(a1!).toBeLessThanOrEqual(a0!);
    }
    const last = lines.at(-1)![1]!;
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThanOrEqual(91);
  }],
];

describe('examples', () => {
  for (const [name, pattern, check] of cases) {
    it(`${name}.ts runs to its end and prints the values it drives`, async () => {
      const result = await runScript(`${examples}${name}.ts`, { timeoutMs: 30_000 });
      expect(result.code, dump(result)).toBe(0);
      expect(result.stderr).not.toMatch(/Error/);
      const lines = rows(result.stdout, pattern);
      expect(lines.length, dump(result)).toBeGreaterThan(1);
      check(lines);
    });
  }

  it('custom_inout_writing.ts sets the initial command, the changed ones, then the exit command', async () => {
    const result = await runScript(`${examples}custom_inout_writing.ts`, { timeoutMs: 30_000 });
    expect(result.code, dump(result)).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('Valve: '));
    expect(lines.slice(0, 2)).toEqual(['Valve: connected', 'Valve: closed, 0.0 bar']);
    expect(lines.slice(-2)).toEqual(['Valve: closed, 0.0 bar', 'Valve: disconnected']);
    const commands = lines.slice(1, -2);
    for (let i = 1; i < commands.length; i++) expect(commands[i]).not.toBe(commands[i - 1]);
  });
});
