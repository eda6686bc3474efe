// Runs the test suite with vitest and ends with the plain line
// "N passed, N failed" that CI reads, after a line that counts the skipped
// tests and names them, so that a run that skipped some does not look like
// one that ran them all. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const results = '.vitest-results.json';
rmSync(results, { force: true });
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
let skipped = [];
try {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.testResults.flatMap((file) =>
    file.assertionResults.filter((test) => test.status === 'pending' || test.status === 'skipped' || test.status === 'todo').map((test) => test.fullName),
  );
} catch {
  // no report: vitest itself failed
}
// A file that failed to load counts as one failure even though none of its tests ran.
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`${skipped.length} skipped${skipped.length > 0 ? `: ${skipped.join('; ')}` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
