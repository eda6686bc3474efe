/**
 * Tests that need a program of the machine (Debian's chromium, h5dump,
 * openssl) are skipped where it is missing, except in CI (`CI=true`), where
 * `.ci/run` installs them: there a missing one must fail the run, not hide
 * the tests that need it.
 * @param present whether the program is there
 * @returns whether to skip the tests that need it
 */
export function skipWithout(present: boolean): boolean {
  return !present && process.env.CI !== 'true';
}
