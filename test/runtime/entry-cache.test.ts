import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.js';

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
const ENTRIES = join(tmpdir(), 'crappy', 'entries');

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

const startedAt = Date.now();

/** The compiled module of this test's script: the one of that name written since the test started. */
function compiledModule(): string {
  const found = readdirSync(ENTRIES)
    .filter((name) => name.startsWith('prints-value-') && name.endsWith('.mjs'))
    .filter((name) => statSync(join(ENTRIES, name)).mtimeMs >= startedAt - 1000);
  expect(found, 'one compiled module for the script').toHaveLength(1);
  return join(ENTRIES, found[0]!);
}

let compiled: string | null = null;

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  if (compiled !== null) for (const file of [compiled, `${compiled}.inputs.json`]) rmSync(file, { force: true });
});

describe('compiled entry scripts', () => {
  it('are reused by the next run while nothing they bundle changed, and compiled again once a file did', async () => {
    setValue('first');
    const first = await runScript(script);
    expect(first.stdout).toContain('VALUE first');
    expect(first.code).toBe(0);
    compiled = compiledModule();
    const compiledAt = statSync(compiled).mtimeMs;

    const again = await runScript(script);
    expect(again.stdout).toContain('VALUE first');
    expect(statSync(compiled).mtimeMs, 'the cached module is not rewritten').toBe(compiledAt);

    // A file imported by the script changes: the workers must see the new value.
    setValue('second, longer');
    const changed = await runScript(script);
    expect(changed.stdout).toContain('VALUE second, longer');
    expect(changed.stdout).not.toContain('VALUE first');
    expect(changed.code).toBe(0);
  });
});
