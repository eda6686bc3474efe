// The examples of the InOuts, Actuators and their Blocks, run as a user runs them. Needs a fresh build (npx tsc -b).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dump } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Each example, with a line its output must hold whatever the machine's load. */
const cases: [string, RegExp][] = [
  ['ioblock', /^t = \d+\.\d s: \d+ MB used$/m],
  ['ioblock_streamer', /^chunk 10: 10 readings from t = /m],
  ['machine', /^t = .* s: stepper at \d+\.\d{3} mm \(-?\d+\.\d\d mm\/s\), DC motor at \d+ RPM$/m],
  ['fake_machine', /^The sample broke at \d\.\d\d % of strain/m],
  ['custom_inout_reading', /^t = .* s: \d+ readings, last -?\d\.\d{3} V$/m],
  ['custom_actuator', /^t = .* s: servo at \d+\.\d°$/m],
];

describe('examples', () => {
  for (const [name, expected] of cases) {
    it(`${name}.ts runs to its end`, async () => {
      const result = await runScript(`${examples}${name}.ts`, { timeoutMs: 30_000 });
      expect(result.code, dump(result)).toBe(0);
      expect(result.stderr).not.toMatch(/Error/);
      expect(result.stdout).toMatch(expected);
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
