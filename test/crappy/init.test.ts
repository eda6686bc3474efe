/**
 * `crappy init` and the command line of `crappy`: what init writes, and the
 * clear errors for bad arguments and for folders it will not write into.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandResult } from '../helpers/run-command.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CRAPPY = join(ROOT, 'packages/crappy/bin/crappy.js');
const FILES = ['.gitignore', 'first-test.ts', 'package.json', 'tsconfig.json'];
const folder = mkdtempSync(join(tmpdir(), 'crappy-init-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the `crappy` command of the build in the test's folder. */
function crappy(...args: string[]): Promise<CommandResult> {
  return runCommand(process.execPath, [CRAPPY, ...args], folder, 60_000);
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(folder, path), 'utf8')) as Record<string, unknown>;
}

describe('crappy init', () => {
  it('writes an ES module package depending on crappy, a tsconfig.json, a .gitignore and a first script', async () => {
    const result = await crappy('init', 'My Lab');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Made My Lab: package.json, tsconfig.json, .gitignore, first-test.ts');
    expect(result.stdout).toMatch(/npm install\n.*npx crappy run first-test\.ts.*\n.*npm run check/);
    expect(readdirSync(join(folder, 'My Lab')).sort()).toEqual(FILES);
    const manifest = readJson('My Lab/package.json');
    const version = (JSON.parse(readFileSync(join(ROOT, 'packages/crappy/package.json'), 'utf8')) as { version: string }).version;
    expect(manifest).toMatchObject({ name: 'my-lab', private: true, type: 'module', scripts: { check: 'tsc -p .' } });
    expect(manifest.dependencies).toEqual({ crappy: `^${version}` });
    expect(manifest).not.toHaveProperty('overrides');
    // The lab type-checks with the compiler and Node types this repository uses.
    const devDependencies = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;
    expect(manifest.devDependencies).toEqual({ typescript: devDependencies.typescript, '@types/node': devDependencies['@types/node'] });
    expect(readJson('My Lab/tsconfig.json')).toMatchObject({ compilerOptions: { strict: true, noEmit: true } });
  });

  it('writes into an existing folder when none of its files exists there', async () => {
    mkdirSync(join(folder, 'scripts'));
    writeFileSync(join(folder, 'scripts/old-test.ts'), '// kept\n');
    const result = await crappy('init', 'scripts');
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(folder, 'scripts')).sort()).toEqual([...FILES, 'old-test.ts'].sort());
    expect(readFileSync(join(folder, 'scripts/old-test.ts'), 'utf8')).toBe('// kept\n');
  });

  it('refuses, writing nothing, when one of its files exists', async () => {
    mkdirSync(join(folder, 'taken'));
    writeFileSync(join(folder, 'taken/package.json'), '{}\n');
    const result = await crappy('init', 'taken');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'crappy init: taken already has package.json; nothing was written (crappy init never overwrites a file: choose a new folder)\n',
    );
    expect(readdirSync(join(folder, 'taken'))).toEqual(['package.json']);
    expect(readFileSync(join(folder, 'taken/package.json'), 'utf8')).toBe('{}\n');
  });

  it('refuses a file for a folder', async () => {
    writeFileSync(join(folder, 'a-file'), '');
    const result = await crappy('init', 'a-file');
    expect([result.code, result.stderr]).toEqual([1, 'crappy init: a-file exists and is not a folder\n']);
  });

  it("checks that --from holds every package's tarball", async () => {
    mkdirSync(join(folder, 'empty'));
    const missing = await crappy('init', 'lab', '--from', 'nowhere');
    expect([missing.code, missing.stderr]).toEqual([1, 'crappy init: --from nowhere: no such folder\n']);
    const empty = await crappy('init', 'lab', '--from=empty');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(
      /^crappy init: --from empty lacks crappy-\S+\.tgz, crappy-core-\S+\.tgz, crappy-ui-\S+\.tgz, crappy-remote-\S+\.tgz, crappy-hardware-\S+\.tgz, crappy-camera-\S+\.tgz; make the tarballs with `npm pack --workspaces/,
    );
    expect(readdirSync(folder)).not.toContain('lab');
  });

  it.each([
    [[], 'which folder? none given'],
    [['one', 'two'], 'one folder only, got one, two'],
    [['lab', '--form', 'x'], "unknown option '--form'"],
    [['lab', '--from'], '--from needs the folder of the tarballs'],
  ])('rejects the arguments %j with the usage', async (args, message) => {
    const result = await crappy('init', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^crappy init: ${message.replace(/[?.]/g, '\\$&')}\nUsage:\n  crappy run .*\n  crappy init <folder>`));
  });

  it('prints the usage for --help', async () => {
    const result = await crappy('init', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage:\n/);
  });
});

describe('crappy', () => {
  it('rejects an unknown command, a missing script and no script', async () => {
    const unknown = await crappy('start', 'x.ts');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^crappy: unknown command 'start x\.ts'\nUsage:/);
    const missing = await crappy('run', 'missing.ts');
    expect([missing.code, missing.stderr]).toEqual([1, 'crappy run: no such script: missing.ts\n']);
    const none = await crappy('run');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^crappy run: which script\? none given\nUsage:/);
  });

  it('run: hands the arguments to the script, and exits with its exit code', async () => {
    const project = join(folder, 'run-arguments');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
    // A TypeScript script (run through tsx) that prints its arguments and exits with the first one.
    writeFileSync(
      join(project, 'echo.ts'),
      'const args: string[] = process.argv.slice(2);\nconsole.log(JSON.stringify(args));\nprocess.exitCode = Number(args[0]);\n',
    );
    const script = join(project, 'echo.ts');
    const failing = await crappy('run', script, '7', 'two words', '--flag=x');
    expect([failing.code, failing.stdout, failing.stderr]).toEqual([7, '["7","two words","--flag=x"]\n', '']);
    const passing = await crappy('run', script, '0');
    expect([passing.code, passing.stdout]).toEqual([0, '["0"]\n']);
  });
});
