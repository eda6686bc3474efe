import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.js';

const CRAPPY = fileURLToPath(new URL('../../node_modules/crappy', import.meta.url));
/** The runs get a TMPDIR of their own: the cache they fill is this test's alone. */
const privateTmp = mkdtempSync(join(tmpdir(), 'crappy-entry-cache-tmp-'));
const ENTRIES = join(privateTmp, 'crappy', 'entries');

/**
 * A project folder of its own: `crappy` and a package `fakepkg` in its
 * node_modules (links, as pnpm or `npm link` make them), and a script whose
 * Block prints a value from a local file and the version of `fakepkg`.
 */
const folder = mkdtempSync(join(tmpdir(), 'crappy-entry-cache-'));
mkdirSync(join(folder, 'node_modules'));
symlinkSync(CRAPPY, join(folder, 'node_modules', 'crappy'));
writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
for (const version of ['v1', 'v2']) {
  const dir = join(folder, 'packages', `fakepkg-${version}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "fakepkg", "type": "module", "main": "index.js" }\n');
  writeFileSync(join(dir, 'index.js'), `export const version = '${version}';\n`);
}
const script = join(folder, 'prints-value.ts');
writeFileSync(
  script,
  `import * as crappy from 'crappy';
import { version } from 'fakepkg';
import { value } from './value.js';

class Prints extends crappy.Block {
  override loop(): void {
    console.log('VALUE ' + value + ' ' + version);
    this.stop();
  }
}
new Prints();
await crappy.start({ logLevel: 'warning' });
`,
);

function setValue(value: string): void {
  writeFileSync(join(folder, 'value.ts'), `export const value = ${JSON.stringify(value)};\n`);
}

function linkFakePackage(version: string): void {
  rmSync(join(folder, 'node_modules', 'fakepkg'), { force: true });
  symlinkSync(join(folder, 'packages', `fakepkg-${version}`), join(folder, 'node_modules', 'fakepkg'));
}

/** The compiled modules in the private cache. */
const compiledModules = (): string[] => readdirSync(ENTRIES).filter((name) => name.endsWith('.mjs')).sort();

const run = (): ReturnType<typeof runScript> => runScript(script, { env: { TMPDIR: privateTmp } });

afterAll(() => {
  for (const dir of [folder, privateTmp]) rmSync(dir, { recursive: true, force: true });
});

describe('compiled entry scripts', () => {
  it('are reused while nothing they depend on changed, compiled again when a file or a linked package did', async () => {
    setValue('first');
    linkFakePackage('v1');
    const first = await run();
    expect(first.stdout).toContain('VALUE first v1');
    expect(first.code).toBe(0);
    const [module] = compiledModules();
    expect(module).toMatch(/^prints-value-/);
    const compiledAt = statSync(join(ENTRIES, module!)).mtimeMs;

    const again = await run();
    expect(again.stdout).toContain('VALUE first v1');
    expect(compiledModules(), 'the cached module is reused').toEqual([module]);
    expect(statSync(join(ENTRIES, module!)).mtimeMs, 'and not rewritten').toBe(compiledAt);

    // A file bundled into the script changes: the workers must see the new value.
    setValue('second, longer');
    const changed = await run();
    expect(changed.stdout).toContain('VALUE second, longer v1');
    expect(changed.stdout).not.toContain('VALUE first');
    // A new module, named after its content: the one an earlier run may still use stays.
    expect(compiledModules()).toHaveLength(2);
    expect(existsSync(join(ENTRIES, module!))).toBe(true);

    // The external package is relinked to another version: the module imported the old one's file.
    linkFakePackage('v2');
    const relinked = await run();
    expect(relinked.stdout).toContain('VALUE second, longer v2');
    expect(relinked.code).toBe(0);
  });
});
