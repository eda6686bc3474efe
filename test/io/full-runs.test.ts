// One full run per Block (IOBlock, Machine, FakeMachine) in a child process. Needs a fresh build (npx tsc -b).
import { describe, expect, it } from 'vitest';
import { dump, events, mainEvent, markers, type Marker } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';

/** The messages a Collector of the script printed under `tag`. */
function collected(all: Marker[], tag: string): Record<string, unknown>[] {
  const found = all.filter((m) => m.event === 'collected' && m.tag === tag);
  expect(found).toHaveLength(1);
  return found[0]!.messages as Record<string, unknown>[];
}

function increasing(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v >= values[i - 1]!);
}

describe('full runs of the Blocks driving devices', () => {
  it('IOBlock: zeroes, reads and sends, sets initial, changed and exit commands on a custom InOut, and streams FakeInOut', async () => {
    const result = await runScript('io/ioblock.ts');
    expect(result.code, dump(result)).toBe(0);
    mainEvent(result, 'done');
    expect(events(result, 'timeout')).toEqual([]);
    const inout = markers(result.stdout).filter((m) => m.event === 'setCmd' || m.event === 'close');
    expect(inout.map((m) => (m.event === 'close' ? 'close' : m.value))).toEqual([0, 1, 2, 3, -1, 'close']);
    expect(inout.every((m) => !m.main)).toBe(true);

    const found = events(result, 'collected');
    const readings = collected(found, 'readings');
    expect(readings.length).toBeGreaterThan(3);
    for (const reading of readings) {
      expect(Object.keys(reading)).toEqual(['t(s)', 'a', 'b', 'echo']);
      expect([reading.a, reading.b]).toEqual([0, 0]);
    }
    const times = readings.map((r) => r['t(s)'] as number);
    expect(times[0]).toBeGreaterThanOrEqual(0);
    expect(times.at(-1)).toBeLessThan(30);
    expect(increasing(times)).toBe(true);
    expect(increasing(readings.map((r) => r.echo as number))).toBe(true);

    const chunks = collected(found, 'stream');
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const t = chunk['t(s)'] as number[];
      const rows = chunk['memory(MB)'] as number[][];
      expect(t).toHaveLength(10);
      expect(increasing(t)).toBe(true);
      expect(t[0]).toBeGreaterThanOrEqual(0);
      expect(rows).toHaveLength(10);
      for (const row of rows) {
        expect(row).toHaveLength(1);
        expect(row[0]).toBeGreaterThan(1);
      }
    }
  });

  it('Machine: drives a FakeStepperMotor to its target and a FakeDCMotor in speed, sending positions and speeds', async () => {
    const result = await runScript('io/machine.ts');
    expect(result.code, dump(result)).toBe(0);
    mainEvent(result, 'done');
    expect(events(result, 'timeout')).toEqual([]);
    const messages = collected(events(result, 'collected'), 'machine');
    for (const message of messages) expect(Object.keys(message)).toEqual(['x(mm)', 'rpm', 't(s)']);
    const x = messages.map((m) => m['x(mm)'] as number);
    expect(increasing(x)).toBe(true);
    expect(x.every((value) => value <= 2)).toBe(true);
    expect(x.at(-1)).toBe(2);
    expect(increasing(messages.map((m) => m.rpm as number))).toBe(true);
    expect(increasing(messages.map((m) => m['t(s)'] as number))).toBe(true);
  });

  it('FakeMachine: sends its initial state, then the elastic response to a 1 mm/s pull', async () => {
    const result = await runScript('io/fake-machine.ts');
    expect(result.code, dump(result)).toBe(0);
    mainEvent(result, 'done');
    expect(events(result, 'timeout')).toEqual([]);
    const messages = collected(events(result, 'collected'), 'fake-machine');
    expect(messages[0]).toMatchObject({ 'F(N)': 0, 'x(mm)': 0, 'Exx(%)': 0 });
    for (const m of messages) {
      const x = m['x(mm)'] as number;
      expect(Object.keys(m)).toEqual(['t(s)', 'F(N)', 'x(mm)', 'Exx(%)', 'Eyy(%)']);
      // l0 100 mm, rigidity 1000 N, strain below the yield: F = 10·x, Exx = x, Eyy = −0.3·x.
      expect(m['F(N)'] as number).toBeCloseTo(10 * x, 9);
      expect(m['Exx(%)'] as number).toBeCloseTo(x, 9);
      expect(m['Eyy(%)'] as number).toBeCloseTo(-0.3 * x, 9);
    }
    const x = messages.map((m) => m['x(mm)'] as number);
    expect(increasing(x)).toBe(true);
    expect(x.at(-1)).toBeGreaterThanOrEqual(0.05);
    expect(increasing(messages.map((m) => m['t(s)'] as number))).toBe(true);
  });
});
