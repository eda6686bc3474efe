// Full runs through the hardware hub on real pseudo-terminals (socat): an
// IOBlock polls a simulated Agilent 34420A at 100 Hz, a Machine drives a
// simulated Oriental ARD-K motor from a Generator, Recorders write both.
// Then the faults: a meter that stops answering, a port that does not
// exist. In every case the run ends, the IOBlock's finish() runs, and the
// motor gets its stop command (SSTOP).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markers as readMarkers } from '../helpers/markers.js';
import { hasSocat, ptyPair, type PtyPair } from '../helpers/pty-pair.js';
import { skipWithout } from '../helpers/required-tool.js';
import { runScript } from '../helpers/run-script.js';

function readCsv(path: string): { header: string[]; rows: number[][] } {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  return { header: header!.split(','), rows: lines.map((line) => line.split(',').map(Number)) };
}

describe.skipIf(skipWithout(hasSocat))('a run with serial instruments on pseudo-terminals', () => {
  let pairs: PtyPair[] = [];
  let folder = '';
  afterEach(async () => {
    for (const pair of pairs) await pair.close();
    pairs = [];
    rmSync(folder, { recursive: true, force: true });
  });

  async function run(failure?: string) {
    pairs = [await ptyPair(), await ptyPair()];
    folder = mkdtempSync(join(tmpdir(), 'crappy-serial-run-'));
    const [meter, motor] = pairs as [PtyPair, PtyPair];
    const result = await runScript('hardware/serial-run.ts', { args: [meter.a, meter.b, motor.a, motor.b, folder, ...(failure ? [failure] : [])], timeoutMs: 60_000 });
    const markers = readMarkers(result.stdout);
    const motorMarker = markers.find((marker) => marker.event === 'motor') as { commands: string[]; speed: number } | undefined;
    return { result, markers, motor: motorMarker!, meterPath: meter.a };
  }

  it('records every reading of the meter and drives the motor, then stops it', async () => {
    const { result, markers, motor } = await run();
    expect(markers.map((marker) => marker.event)).toEqual(['ioblock-finished', 'completed', 'motor']);
    expect(result.code).toBe(0);
    const meter = readCsv(join(folder, 'meter.csv'));
    expect(meter.header).toEqual(['t(s)', 'U(V)']);
    // The simulator answers n/1000 to the n-th READ?: the CSV holds them all, in order, none missing.
    expect(meter.rows.length).toBeGreaterThan(50);
    meter.rows.forEach(([, volts], n) => expect(volts).toBeCloseTo(n / 1000, 9));
    for (let i = 1; i < meter.rows.length; i++) expect(meter.rows[i]![0]! - meter.rows[i - 1]![0]!).toBeGreaterThan(0);
    // Speed 1 × gain 1/0.07 = 14.3, rounded to 14 steps/s; SSTOP at the end.
    // (The Machine reads the position, PC, in every loop, from before the first command on.)
    expect(motor.commands.filter((command) => command !== 'PC').slice(0, 6)).toEqual(['TALK1', 'ALMCLR', 'TA .1', 'TD .1', 'VR 14', 'MCP']);
    expect(motor.commands.at(-1)).toBe('SSTOP');
    expect(motor.speed).toBe(0);
    const positions = readCsv(join(folder, 'motor.csv'));
    const x = positions.header.indexOf('x');
    expect(positions.rows.length).toBeGreaterThan(5);
    for (let i = 1; i < positions.rows.length; i++) expect(positions.rows[i]![x]!).toBeGreaterThanOrEqual(positions.rows[i - 1]![x]!);
    expect(positions.rows.at(-1)![x]!).toBeGreaterThan(0);
  });

  it('ends cleanly when the meter stops answering: clear error, readings kept, motor stopped', async () => {
    const { markers, motor, meterPath } = await run('silent-meter');
    const failed = markers.find((marker) => marker.event === 'failed') as { error: string } | undefined;
    expect(failed?.error).toMatch(/MarkedIOBlock-1 failed in loop\(\): Error: Agilent34420A on .*: the device did not answer in time/);
    expect(failed?.error).toContain(meterPath);
    expect(markers.some((marker) => marker.event === 'ioblock-finished')).toBe(true);
    const meter = readCsv(join(folder, 'meter.csv'));
    expect(meter.rows.map(([, volts]) => volts)).toEqual(Array.from({ length: 50 }, (_, n) => n / 1000));
    expect(motor.commands.at(-1)).toBe('SSTOP');
  });

  it('ends cleanly when the meter port does not exist: the error names Block, device and port', async () => {
    const { markers, motor } = await run('missing-port');
    const failed = markers.find((marker) => marker.event === 'failed') as { error: string } | undefined;
    expect(failed?.error).toMatch(/MarkedIOBlock-1 failed in prepare\(\): Error: Agilent34420A: cannot open serial port \/dev\/ttyDOESNOTEXIST/);
    expect(markers.some((marker) => marker.event === 'ioblock-finished')).toBe(true);
    // The motor was opened, then stopped although the run never started.
    expect(motor.commands.at(-1)).toBe('SSTOP');
  });
});
