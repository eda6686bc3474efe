/**
 * A lab's own project, as a new user makes it: the packages packed with
 * `npm pack`, `npx crappy init --from` the tarballs into a fresh folder
 * outside the repository, `npm install` there (third-party packages come from
 * the npm registry or its cache), then TypeScript and JavaScript scripts run
 * with `npx tsx`, `node` and `npx crappy run`, and `npm run check`. The steps
 * run in order; each needs the previous ones.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandResult } from '../helpers/run-command.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Outside the repository, so that no node_modules of the repository is found by walking up.
const work = mkdtempSync(join(tmpdir(), 'crappy-lab-'));
const tarballs = join(work, 'tarballs');
const lab = join(work, 'lab');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// npm installs and whole runs: slow on a busy machine, never timed.
const STEP = 300_000;

const FIRST_TEST_JS = `import * as crappy from 'crappy';

class Counter extends crappy.Block {
  constructor() {
    super();
    this.freq = 10;
    this.count = 0;
  }

  loop() {
    this.count += 1;
    this.send({ count: this.count });
    if (this.count === 5) this.stop();
  }
}

class Printer extends crappy.Block {
  loop() {
    const data = this.recvData();
    if ('count' in data) console.log(\`js count: \${data.count}\`);
  }
}

crappy.link(new Counter(), new Printer());
await crappy.start();
console.log('js script done');
`;

/** Checks that a run of a lab's script printed what its Printer received and ended cleanly. */
function expectRan(result: CommandResult, line: RegExp): void {
  expect(result.code, result.stdout + result.stderr).toBe(0);
  expect(result.stdout).toMatch(line);
  expect(result.stdout).toContain('Crappy stopped');
}

describe('a lab project made by crappy init from npm pack tarballs', () => {
  it('packs the six packages with their built files', { timeout: STEP }, async () => {
    mkdirSync(tarballs);
    const result = await runCommand('npm', ['pack', '--workspaces', '--pack-destination', tarballs, '--json'], ROOT);
    expect(result.code, result.stderr).toBe(0);
    const packed = JSON.parse(result.stdout) as { filename: string; files: { path: string }[] }[];
    const files = Object.fromEntries(packed.map((tarball) => [tarball.filename, tarball.files.map((file) => file.path)]));
    expect(Object.keys(files).sort()).toEqual(['crappy-0.1.0.tgz', 'crappy-camera-0.1.0.tgz', 'crappy-core-0.1.0.tgz', 'crappy-hardware-0.1.0.tgz', 'crappy-remote-0.1.0.tgz', 'crappy-ui-0.1.0.tgz']);
    expect(files['crappy-camera-0.1.0.tgz']).toEqual(expect.arrayContaining(['dist/index.js', 'dist/helpers/helper-worker.js', 'dist/record/encode-task.js']));
    expect(files['crappy-0.1.0.tgz']).toEqual(expect.arrayContaining(['bin/crappy.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js']));
    expect(files['crappy-core-0.1.0.tgz']).toEqual(expect.arrayContaining(['dist/index.js', 'dist/blocks/index.js']));
    expect(files['crappy-ui-0.1.0.tgz']).toEqual(expect.arrayContaining(['dist/index.js', 'static/index.html', 'static/app.js']));
    expect(files['crappy-remote-0.1.0.tgz']).toEqual(expect.arrayContaining(['dist/index.js', 'dist/blocks.js', 'dist/embedded-broker.js']));
    expect(files['crappy-hardware-0.1.0.tgz']).toEqual(expect.arrayContaining(['dist/index.js', 'dist/hub/sync-slot.js', 'dist/serial/serial-service.js']));
  });

  it('makes the project with npx crappy init --from the tarballs', { timeout: STEP }, async () => {
    const result = await runCommand('npx', ['--no', 'crappy', 'init', lab, '--from', tarballs], ROOT);
    expect(result.code, result.stderr).toBe(0);
    for (const file of ['package.json', 'tsconfig.json', 'first-test.ts']) expect(existsSync(join(lab, file))).toBe(true);
  });

  it('installs from the tarballs, with every install script allowed', { timeout: STEP }, async () => {
    const result = await runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--strict-allow-scripts'], lab);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    for (const name of ['crappy', '@crappy/core', '@crappy/ui', '@crappy/remote', '@crappy/hardware', '@crappy/camera']) {
      const installed = join(lab, 'node_modules', name);
      expect(lstatSync(installed).isSymbolicLink(), name).toBe(false);
      expect(realpathSync(installed).startsWith(realpathSync(ROOT) + sep), name).toBe(false);
    }
  });

  it('runs the first TypeScript script with npx tsx and npx crappy run', { timeout: STEP }, async () => {
    expectRan(await runCommand('npx', ['--no', 'tsx', 'first-test.ts'], lab), /^t = \d+\.\d\d s: \d+$/m);
    expectRan(await runCommand('npx', ['--no', 'crappy', 'run', 'first-test.ts'], lab), /^t = \d+\.\d\d s: \d+$/m);
  });

  it('runs a JavaScript script with node and npx crappy run', { timeout: STEP }, async () => {
    writeFileSync(join(lab, 'first-test.js'), FIRST_TEST_JS);
    for (const command of [['node', 'first-test.js'], ['npx', '--no', 'crappy', 'run', 'first-test.js']] as const) {
      const result = await runCommand(command[0], command.slice(1), lab);
      expectRan(result, /^js count: \d+$/m);
      expect(result.stdout).toContain('js script done');
    }
  });

  it('type-checks the scripts with npm run check, naming the file with an error', { timeout: STEP }, async () => {
    const good = await runCommand('npm', ['run', 'check'], lab);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    writeFileSync(join(lab, 'broken-test.ts'), "import * as crappy from 'crappy';\nconst freq: number = 'fast';\ncrappy.link(freq);\n");
    const broken = await runCommand('npm', ['run', 'check'], lab);
    expect(broken.code).not.toBe(0);
    expect(broken.stdout).toMatch(/^broken-test\.ts\(2,7\): error TS2322/m);
    rmSync(join(lab, 'broken-test.ts'));
  });

  it('tells what to change for a script of a CommonJS package', { timeout: STEP }, async () => {
    mkdirSync(join(work, 'commonjs'));
    writeFileSync(join(work, 'commonjs/package.json'), '{ "name": "old-scripts" }\n');
    writeFileSync(join(work, 'commonjs/test.ts'), "import * as crappy from 'crappy';\nawait crappy.start();\n");
    const result = await runCommand('npx', ['--no', 'crappy', 'run', '../commonjs/test.ts'], lab);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`crappy run: ../commonjs/test.ts runs as CommonJS, which cannot run its top-level await`);
    expect(result.stderr).toContain(`add "type": "module" to its package.json, ${join(work, 'commonjs/package.json')}`);
  });
});
