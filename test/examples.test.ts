/**
 * Every script of examples/ runs as a user would run it (`npx tsx`, here
 * `node --import tsx` in a child process; run `npx tsc -b` first), ends by
 * itself, exits 0 without logging an error, and shows what it exists to
 * show: one check per example, on what it prints or writes. The family test
 * folders (test/modifiers, test/io) check the values of their examples in
 * more detail.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from './helpers/mosquitto.js';
import { runScript, type ScriptResult } from './helpers/run-script.js';

const folder = fileURLToPath(new URL('../examples/', import.meta.url));
const examples = readdirSync(folder).filter((name) => name.endsWith('.ts')).sort();

/** The numbers captured by `pattern` (with groups) in each line of stdout that it matches. */
function numbers(run: ScriptResult, pattern: RegExp): number[][] {
  return run.stdout
    .split('\n')
    .map((line) => pattern.exec(line))
    .filter((match) => match !== null)
    .map((match) => match.slice(1).map(Number));
}

/** The messages a LinkReader named `name` logged, parsed. */
function got(run: ScriptResult, name: string): Record<string, number | string>[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.includes(` ${name} got: {`))
    .map((line) => JSON.parse(line.slice(line.indexOf(' got: ') + 6).replaceAll("'", '"')) as Record<string, number | string>);
}

/** The column `k` of rows. */
const column = (rows: number[][], k: number): number[] => rows.map((row) => row[k]!);

/** Checks that a web UI example served its page: it printed the address with its token. */
function servesPage(run: ScriptResult): void {
  expect(run.stdout).toMatch(/^Crappy UI: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/m);
  expect(run.stdout).toMatch(/^Crappy UI \(view only\): http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/m);
}

/** Checks that the LinkReader `name` logged at least two messages (their values: test/modifiers/examples.test.ts). */
const reads = (name: string) => (run: ScriptResult): void => {
  expect(got(run, name).length).toBeGreaterThan(1);
};

/** Checks that a line matching `pattern` was printed (the values: test/io/examples.test.ts). */
const prints = (pattern: RegExp) => (run: ScriptResult): void => {
  expect(run.stdout).toMatch(pattern);
};

/** What each example shows, checked on its run (`tmp`: its TMPDIR, where it writes its files). */
const SHOWS: Record<string, (run: ScriptResult, tmp: string) => void> = {
  'button.ts': servesPage,
  'canvas.ts': servesPage,
  'dashboard.ts': servesPage,
  'grapher.ts': servesPage,
  'stop_button.ts': servesPage,
  'custom_actuator.ts': prints(/^t = .* s: servo at \d+\.\d°$/m),
  'custom_inout_reading.ts': prints(/^t = .* s: \d+ readings, last -?\d\.\d{3} V$/m),
  'custom_inout_writing.ts': prints(/^Valve: disconnected$/m),
  'fake_machine.ts': prints(/^The sample broke at \d\.\d\d % of strain/m),
  'ioblock.ts': prints(/^t = \d+\.\d s: \d+ MB used$/m),
  'ioblock_streamer.ts': prints(/^chunk 10: 10 readings from t = /m),
  'machine.ts': prints(/^t = .* s: stepper at \d+\.\d{3} mm/m),
  'custom_modifier.ts': reads('peaks'),
  'modifier_demux.ts': reads('demuxed'),
  'modifier_diff.ts': reads('with speed'),
  'modifier_down_sampler.ts': reads('one in 25'),
  'modifier_integrate.ts': reads('with distance'),
  'modifier_mean.ts': reads('mean of 50'),
  'modifier_median.ts': reads('median of 25'),
  'modifier_moving_avg.ts': reads('smoothed'),
  'modifier_moving_med.ts': reads('filtered'),
  'modifier_offset.ts': reads('zeroed'),
  'modifier_trig_on_change.ts': reads('new step'),
  'modifier_trig_on_value.ts': reads('holding'),
  'camera_record.ts': (run, tmp) => {
    // Every image recorded is a TIFF in the folder, listed in metadata.csv; one message per saved image.
    const [[saved]] = numbers(run, /^Saved (\d+) images in /m);
    const folder = join(tmp, 'crappy-examples', 'camera_record');
    const images = readdirSync(folder).filter((name) => /^\d{6}_\d+\.\d{3}\.tiff$/.test(name));
    expect(saved).toBeGreaterThan(10);
    expect(images).toHaveLength(saved!);
    expect(readFileSync(join(folder, 'metadata.csv'), 'utf8').trimEnd().split('\r\n')).toHaveLength(saved! + 1);
    // The message's `meta` is the metadata as JSON text, so its line is not parsed here.
    expect(run.stdout.split('\n').filter((line) => line.includes(' saved got: {') && line.includes("'img_index'")).length).toBeGreaterThan(1);
  },
  'camera_replay.ts': (run, tmp) => {
    // The 20 images written are replayed and saved again as PNG; the FileReader ended the run.
    expect(run.stdout).toMatch(/^Replayed and saved 20 images as PNG in /m);
    expect(readdirSync(join(tmp, 'crappy-examples', 'camera_replay', 'png')).filter((name) => name.endsWith('.png'))).toHaveLength(20);
    expect(run.stdout + run.stderr).toMatch(/ReaderStop: FileReader: all the 20 images were read/);
  },
  'camera_custom.ts': (run) => {
    // The settings as the panel sees them, one set live, and the frame read from the main thread.
    expect(run.stdout).toMatch(/^setting exposure \(scale from 1 to 100\) = 10$/m);
    expect(run.stdout).toMatch(/^setting binning \(choice in 1x1 \| 2x2\) = 1x1$/m);
    expect(run.stdout).toMatch(/^exposure set live to 40 ms$/m);
    const [[, level]] = numbers(run, /^newest frame #(\d+) at t = [\d.]+ s, mean level (\d+)$/m);
    expect(level).toBeGreaterThan(80);
  },
  'custom_block.ts': (run) => {
    // Every count reaches the printer, in order.
    const counts = column(numbers(run, /count = (\d+)$/), 0);
    expect(counts.length).toBeGreaterThanOrEqual(10);
    expect(counts).toEqual(counts.map((_, k) => k + 1));
  },
  'custom_path.ts': (run) => {
    // The staircase (the first Path): whole steps that only climb.
    const cmd = column(numbers(run, /path 0 {2}cmd = (-?[\d.]+)$/), 0);
    expect(cmd.every(Number.isInteger)).toBe(true);
    expect(cmd.every((value, k) => k === 0 || value >= cmd[k - 1]!)).toBe(true);
    expect(Math.max(...cmd)).toBeGreaterThanOrEqual(3);
  },
  'demo.ts': (run, tmp) => {
    // 5 cycles to 1 % of strain, recorded to CSV.
    const [[strain]] = numbers(run, /^ {2}max strain: ([\d.]+) %$/);
    expect(Math.abs(strain! - 1)).toBeLessThan(0.2);
    const [[rows]] = numbers(run, /^ {2}rows written: (\d+) /);
    expect(rows).toBeGreaterThan(10);
    const csv = readFileSync(join(tmp, 'crappy-demo', 'tensile_test.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(rows! + 1);
  },
  'generator.ts': (run) => {
    // The three Paths, in order, then the Generator ends the run.
    const paths = column(numbers(run, /path (\d+) {2}cmd/), 0);
    expect([...new Set(paths)]).toEqual([0, 1, 2]);
    expect(run.stdout).toMatch(/^The Generator ended the run\.$/m);
  },
  'hdf_recorder.ts': (run, tmp) => {
    const [[rows]] = numbers(run, /^Saved (\d+) rows of 2 channels to /);
    expect(rows! % 100).toBe(0);
    expect(rows).toBeGreaterThan(0);
    expect(existsSync(join(tmp, 'crappy-examples', 'stream.h5'))).toBe(true);
  },
  'link_reader.ts': (run) => {
    // One LinkReader, the messages of both Links.
    const messages = got(run, 'Monitor');
    expect(messages.some((m) => 'x(mm)' in m)).toBe(true);
    expect(messages.some((m) => m.status === 'running')).toBe(true);
  },
  'mean_block.ts': (run) => {
    // Both sources averaged together into each message.
    const messages = got(run, 'averaged');
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(Object.keys(m).sort()).toEqual(['F(N)', 't(s)', 'x(mm)']);
  },
  'multiplexer.ts': (run) => {
    // On the common time base, the force (10 t) and the position (t) interpolated at each time.
    const messages = got(run, 'multiplexed');
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect((m['t(s)'] as number) * 4).toBe(Math.round((m['t(s)'] as number) * 4));
      expect(m['F(N)'] as number).toBeCloseTo(10 * (m['t(s)'] as number), 9);
      expect(m['x(mm)'] as number).toBeCloseTo(m['t(s)'] as number, 9);
    }
  },
  'path_conditional.ts': (run) => {
    // The thermostat: full power while cold, half power in the band.
    const power = column(numbers(run, /power = ([\d.]+)$/), 0);
    expect(power.every((p) => [0, 0.5, 1].includes(p))).toBe(true);
    expect(power).toContain(1);
    expect(power).toContain(0.5);
  },
  'path_constant.ts': (run) => {
    // The last Path has no value: it holds the command the one before ended with.
    const rows = numbers(run, /path (\d+) {2}cmd = (-?[\d.]+)$/);
    const last = Math.max(...column(rows, 0));
    const before = rows.filter(([path]) => path === last - 1).at(-1)!;
    const held = rows.filter(([path]) => path === last);
    expect(held.length).toBeGreaterThan(0);
    for (const [, cmd] of held) expect(cmd).toBe(before[1]);
    expect(before[1]).not.toBe(rows[0]![1]);
  },
  'path_custom.ts': (run) => {
    // Interpolated between the file's values.
    const file = readFileSync(join(folder, 'data', 'custom_path.csv'), 'utf8');
    const values = file.split('\n').filter((line) => /^\d/.test(line)).map((line) => Number(line.split(',')[1]));
    const cmd = column(numbers(run, /cmd = (-?[\d.]+)$/), 0);
    expect(cmd.length).toBeGreaterThan(5);
    for (const value of cmd) {
      expect(value).toBeGreaterThanOrEqual(Math.min(...values) - 0.01);
      expect(value).toBeLessThanOrEqual(Math.max(...values) + 0.01);
    }
  },
  'path_cyclic.ts': (run) => {
    const cmd = column(numbers(run, /cmd = (-?[\d.]+)$/), 0);
    expect([...new Set(cmd)].sort()).toEqual([0, 1]);
  },
  'path_cyclic_ramp.ts': (run) => {
    // Three triangles of about 2 (4 units/s for 0.5 s each way): the command turns back at least 4 times.
    const cmd = column(numbers(run, /^t = [\d.]+ s +(-?[\d.]+)/), 0);
    const slopes = cmd.slice(1).map((value, k) => Math.sign(value - cmd[k]!)).filter((sign) => sign !== 0);
    const turns = slopes.slice(1).filter((sign, k) => sign !== slopes[k]).length;
    expect(turns).toBeGreaterThanOrEqual(4);
    expect(Math.max(...cmd)).toBeGreaterThan(1.5);
  },
  'path_integrator.ts': (run) => {
    // Rises at 1 unit/s for 1 s, then falls at 0.5 unit/s.
    const speed = column(numbers(run, /speed = (-?[\d.]+)$/), 0);
    expect(Math.max(...speed)).toBeLessThan(1.2);
    expect(Math.max(...speed)).toBeGreaterThan(0.8);
    expect(speed.at(-1)!).toBeLessThan(Math.max(...speed));
  },
  'path_ramp.ts': (run) => {
    // Up to about 3 (2 units/s for 1.5 s), then down on the second Path.
    const rows = numbers(run, /path (\d+) {2}cmd = (-?[\d.]+)$/);
    expect(Math.max(...column(rows, 1))).toBeGreaterThan(2.5);
    const down = column(rows.filter(([path]) => path === 1), 1);
    expect(down.length).toBeGreaterThan(1);
    expect(down.every((value, k) => k === 0 || value <= down[k - 1]!)).toBe(true);
  },
  'path_sine.ts': (run) => {
    // From −1 to 3 around 1.
    const cmd = column(numbers(run, /^t = [\d.]+ s +(-?[\d.]+)/), 0);
    expect(Math.min(...cmd)).toBeGreaterThanOrEqual(-1.01);
    expect(Math.max(...cmd)).toBeLessThanOrEqual(3.01);
    expect(Math.max(...cmd) - Math.min(...cmd)).toBeGreaterThan(3);
  },
  'pause.ts': (run) => {
    // The Generator sends nothing while paused (1 s to 2.5 s): a gap of over a second between two commands.
    const times = column(numbers(run, /^t = ([\d.]+) s {2}cmd/), 0);
    const gaps = times.slice(1).map((t, k) => t - times[k]!);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(1);
  },
  'pid.ts': (run) => {
    // The loop closes twice: V settles at 1, then the setpoint steps to 2 and V settles there, and the run ends.
    const settled = numbers(run, /^V settled at (\d): (-?[\d.]+) at t = ([\d.]+) s$/);
    expect(settled.map(([target]) => target)).toEqual([1, 2]);
    for (const [target, v] of settled) expect(Math.abs(v! - target!)).toBeLessThan(0.02);
    expect(settled[1]![2]).toBeGreaterThan(settled[0]![2]!);
  },
  'recorder.ts': (_run, tmp) => {
    const csv = readFileSync(join(tmp, 'crappy-examples', 'recorder.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('t(s),F(N)');
    expect(csv.length).toBeGreaterThan(10);
    expect(existsSync(join(tmp, 'crappy-examples', 'recorder.csv.meta.json'))).toBe(true);
  },
  'sink.ts': (run) => {
    const [[samples]] = numbers(run, / (\d+) samples acquired, all dropped by the Sink$/);
    expect(samples).toBeGreaterThan(0);
  },
  'stop_block.ts': (run) => {
    expect(run.stdout).toMatch(/^The StopBlock ended the run\.$/m);
    const [[count]] = numbers(run, /^The counter stopped at (\d+)\.$/);
    expect(count).toBeGreaterThan(0);
  },
  'synchronizer.ts': (run) => {
    // The force (100 × the strain here) interpolated at the time of each strain value.
    const messages = got(run, 'synchronized');
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m['F(N)'] as number).toBeCloseTo(100 * (m['Exx(%)'] as number), 6);
  },
};

describe('every example', () => {
  it('there are examples to run, and a check of what each one shows', () => {
    expect(examples).toContain('demo.ts');
    expect(examples).toContain('custom_block.ts');
    expect(Object.keys(SHOWS).sort()).toEqual(examples);
  });

  it.each(examples)('%s ends by itself, exits 0, and shows what it is for', async (name) => {
    // Port 0: the web UI of an example takes a free port, never one another run holds.
    // A private TMPDIR: the files an example writes there are its own.
    // Killed before the test's own timeout, so that a hung example never outlives its test.
    const tmp = mkdtempSync(join(tmpdir(), 'crappy-example-'));
    try {
      const run = await runScript(`${folder}${name}`, { timeoutMs: 50_000, env: { CRAPPY_UI_PORT: '0', TMPDIR: tmp } });
      expect(run.signal, `${name} was killed: it did not end by itself\n${run.stderr}`).toBeNull();
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/ ERROR | CRITICAL /);
      SHOWS[name]?.(run, tmp);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('examples/client_server: two processes over MQTT', () => {
  it('sends readings and commands both ways; the controller ends its run, the sensor sees it leave and ends too', { timeout: 90_000 }, async () => {
    const folder = fileURLToPath(new URL('../examples/client_server/', import.meta.url));
    const env = { CRAPPY_MQTT_PORT: String(await freePort()) };
    const [controller, sensor] = await Promise.all([
      runScript(`${folder}controller.ts`, { timeoutMs: 60_000, env }),
      runScript(`${folder}sensor.ts`, { timeoutMs: 60_000, env }),
    ]);
    for (const run of [controller, sensor]) {
      expect(run.signal, run.stderr).toBeNull();
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/ ERROR | CRITICAL /);
    }
    // Readings reached the controller, its commands reached the sensor.
    const [[readings, commands]] = numbers(controller, /^controller: done; (\d+) readings received, (\d+) commands sent$/);
    const [[sent, received]] = numbers(sensor, /^sensor: done; (\d+) readings sent, (\d+) commands received$/);
    expect(readings).toBeGreaterThan(10);
    expect(commands).toBeGreaterThan(10);
    expect(received).toBeGreaterThan(10);
    expect(received).toBeLessThanOrEqual(commands!);
    expect(readings).toBeLessThanOrEqual(sent!);
    const shown = numbers(sensor, /^sensor: memory ([\d.]+) MB {2}command ([\d.]+) MB$/);
    expect(shown.length).toBeGreaterThan(2);
    // The controller ended by its StopBlock; the sensor saw its peer leave and stopped.
    expect(controller.stderr).toMatch(/Stop criterion 't\(s\)>8' reached/);
    expect(sensor.stderr).toMatch(/ClientServer-1 WARNING +Peer left \(its run ended\): .* stopping the run \(onPeerLost: stop\)/);
  });
});
