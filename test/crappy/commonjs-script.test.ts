/**
 * `crappy run` refuses, saying what to change, a script that would run as
 * CommonJS with a top-level await (tsx would fail with esbuild's message).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commonJsProblem } from '../../packages/crappy/src/commonjs-script.js';

const folder = mkdtempSync(join(tmpdir(), 'crappy-commonjs-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const AWAITS = "import * as crappy from 'crappy';\nawait crappy.start();\n";
const THEN = "import * as crappy from 'crappy';\nvoid crappy.start().then(() => {});\n";

/** Writes a file under the test's folder; returns its path. */
function write(path: string, text: string): string {
  const file = join(folder, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Whether a package.json above the temporary folder decides the format of a script without one. */
function packageAbove(path: string): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

describe('commonJsProblem', () => {
  it('says to add "type": "module" to the package.json of a CommonJS package', async () => {
    const packageJson = write('commonjs/package.json', '{ "name": "lab" }');
    const message = await commonJsProblem(write('commonjs/test.ts', AWAITS));
    expect(message).toContain(`add "type": "module" to its package.json, ${packageJson}, or rename the script to .mts`);
    expect(await commonJsProblem(write('commonjs/test.js', AWAITS))).toMatch(/or rename the script to \.mjs$/);
  });

  it('says to rename a .cts or .cjs script', async () => {
    write('module/package.json', '{ "type": "module" }');
    expect(await commonJsProblem(write('module/test.cts', AWAITS))).toMatch(/runs as CommonJS \(\.cts\).*: rename it to \.mts$/);
    expect(await commonJsProblem(write('module/test.cjs', AWAITS))).toMatch(/: rename it to \.mjs$/);
  });

  it.skipIf(packageAbove(folder))('suggests crappy init for a script without a package.json', async () => {
    expect(await commonJsProblem(write('loose/test.ts', AWAITS))).toContain('make its folder a Crappy project with `npx crappy init <folder>`');
  });

  it('lets ES modules, scripts without top-level await and unreadable scripts through', async () => {
    write('module/package.json', '{ "type": "module" }');
    expect(await commonJsProblem(write('module/test.ts', AWAITS))).toBeUndefined();
    expect(await commonJsProblem(write('commonjs/test.mts', AWAITS))).toBeUndefined();
    expect(await commonJsProblem(write('commonjs/then.ts', THEN))).toBeUndefined();
    expect(await commonJsProblem(write('commonjs/broken.ts', 'await (;'))).toBeUndefined();
    expect(await commonJsProblem(join(folder, 'commonjs/missing.ts'))).toBeUndefined();
  });
});
