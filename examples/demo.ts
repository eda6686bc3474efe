/**
 * The demo run by `npm run demo`: a simulated cyclic tensile test.
 *
 * - a Generator drives the crosshead of a FakeMachine (a simulated tensile
 *   machine holding a steel sample): it pulls at 2 mm/s until the strain
 *   reaches 1 %, then pushes back at 2 mm/s until the force is back to zero,
 *   5 times; the sample hardens a little at the first cycle (plasticity);
 * - the machine sends back its force, position and strains, which go back to
 *   the Generator (for its conditions) and to a Recorder, which writes them to
 *   a CSV file, averaged over 5 points on the way by a MovingAvg modifier;
 * - once its 5 cycles are done, the Generator waits 1 s and ends the run.
 * - run interactively (stdout is a terminal and `CI` is not set), the
 *   force/strain curve is also plotted live in a Grapher on the run's web page
 *   (its address is printed at start); `CRAPPY_DEMO_UI=0` turns it off,
 *   `CRAPPY_DEMO_UI=1` turns it on anyway.
 *
 * The main thread then prints a summary read from the CSV file. Run it with
 * `npm run demo` or `npx tsx examples/demo.ts`; it lasts about 10 s.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as crappy from 'crappy';

/** Where the test is recorded. */
const folder = join(tmpdir(), 'crappy-demo');
const csvPath = join(folder, 'tensile_test.csv');

if (crappy.isMainThread) {
  // Only the main thread prepares the folder: the Block threads re-run this script.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  console.log('Cyclic tensile test on a simulated machine: 5 cycles to 1 % of strain, about 10 s...');
  // Decided here, before start(): the Block threads re-run this script with
  // this environment and must build the same graph.
  process.env.CRAPPY_DEMO_UI ??= process.stdout.isTTY && !process.env.CI ? '1' : '0';
}
/** Whether the force/strain curve is plotted on the web page (same answer in every thread). */
const withUi = process.env.CRAPPY_DEMO_UI === '1';

const generator = new crappy.blocks.Generator(
  [{ type: 'Cyclic', value1: 2, condition1: 'Exx(%)>1', value2: -2, condition2: 'F(N)<0', cycles: 5 }],
  { freq: 100, cmdLabel: 'cmd', endDelay: 1 },
);
const machine = new crappy.blocks.FakeMachine({ freq: 100 });
const recorder = new crappy.blocks.Recorder(csvPath, { delay: 1 });

crappy.link(generator, machine);
crappy.link(machine, generator);
crappy.link(machine, recorder, { modifier: new crappy.modifier.MovingAvg(5) });
if (withUi) {
  const graph = new crappy.blocks.Grapher(['Exx(%)', 'F(N)'], { title: 'Force / strain' });
  crappy.link(machine, graph);
  if (crappy.isMainThread) console.log('The force/strain curve is plotted on the page below (CRAPPY_DEMO_UI=0 to turn it off).');
}

await crappy.start({ logLevel: 'warning' });

/** Reads the recorded CSV: its labels and its rows of numbers. */
function readCsv(path: string): { labels: string[]; rows: number[][] } {
  const [header = '', ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  return { labels: header.split(','), rows: lines.map((line) => line.split(',').map(Number)) };
}

const { labels, rows } = readCsv(csvPath);
const column = (label: string): number[] => rows.map((row) => row[labels.indexOf(label)]!);
const maxOf = (values: number[]): number => values.reduce((a, b) => Math.max(a, b), -Infinity);
console.log(`Done in ${maxOf(column('t(s)')).toFixed(1)} s.`);
console.log(`  max force:  ${(maxOf(column('F(N)')) / 1000).toFixed(2)} kN`);
console.log(`  max strain: ${maxOf(column('Exx(%)')).toFixed(3)} %`);
console.log(`  rows written: ${rows.length} (labels: ${labels.join(', ')})`);
console.log(`  file: ${csvPath} (and its .meta.json sidecar)`);
