import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.js';

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
/** The runs get a TMPDIR of their own: the cache they fill is this test's alone. */
const privateTmp = mkdtempSync(join(tmpdir(), 'crappy-entry-cache-tmp-'));
const ENTRIES = join(privateTmp, 'crappy', 'entries');

/** A folder of its own, where `crappy` resolves, holding a script whose Block prints a value it imports. */
const folder = mkdtempSync(join(tmpdir(), 'crappy-entry-cache-'));
symlinkSync(NODE_MODULES, join(folder, 'node_modules'));
writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
const script = join(folder, 'prints-value.ts');
writeFileSync(
  script,
  `import * as crappy from 'crappy';
import { value } from './value.js';

class Prints extends crappy.Block {
  override loop(): void {
    console.log('VALUE ' + value);
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

/** The compiled module of this test's script, the only module in the private cache. */
function compiledModule(): string {
  const found = readdirSync(ENTRIES).filter((name) => name.endsWith('.mjs'));
  expect(found, 'one compiled module for the script').toHaveLength(1);
  expect(found[0]).toMatch(/^prints-value-/);
  return join(ENTRIES, found[0]!);
}

const run = (): ReturnType<typeof runScript> => runScript(script, { env: { TMPDIR: privateTmp } });

afterAll(() => {
  for (const dir of [folder, privateTmp]) rmSync(dir, { recursive: true, force: true });
});

describe('compiled entry scripts', () => {
  it('are reused by the next run while nothing they bundle changed, and compiled again once a file did', async () => {
    setValue('first');
    const first = await run();
    expect(first.stdout).toContain('VALUE first');
    expect(first.code).toBe(0);
    const compiled = compiledModule();
    const compiledAt = statSync(compiled).mtimeMs;

    const again = await run();
    expect(again.stdout).toContain('VALUE first');
    expect(statSync(compiled).mtimeMs, 'the cached module is not rewritten').toBe(compiledAt);

    // A file imported by the script changes: the workers must see the new value.
    setValue('second, longer');
    const changed = await run();
    expect(changed.stdout).toContain('VALUE second, longer');
    expect(changed.stdout).not.toContain('VALUE first');
    expect(changed.code).toBe(0);
  });
});
