// scripts/check-import-cycles.mjs, which `npm test` runs: it must pass on the
// repository and fail, naming the circle, on sources that import in a circle.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'check-import-cycles.mjs');
let folder: string | null = null;
afterEach(() => {
  if (folder !== null) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

/** Writes the files of a package `p` into a new repository folder and runs the check on it. */
function check(files: Record<string, string>): { status: number | null; output: string } {
  folder = mkdtempSync(join(tmpdir(), 'crappy-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    const file = join(folder, 'packages', 'p', 'src', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const result = spawnSync(process.execPath, [SCRIPT, folder], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the import cycle check', () => {
  it('passes on this repository', () => {
    const result = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  });

  it('finds folders that use each other, even through type-only imports', () => {
    const result = check({
      'block/block.ts': "import type { Link } from '../link/link.js';\nexport class Block { links: Link[] = []; }\n",
      'link/link.ts': "import type { Block } from '../block/block.js';\nexport class Link { sender?: Block; }\n",
      'index.ts': "export * from './block/block.js';\nexport * from './link/link.js';\n",
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('packages/p/src: folders import each other: block, link');
  });

  it('finds files of one folder that import each other by value, and accepts type-only ones', () => {
    expect(
      check({
        'a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
        'b.ts': "import { a } from './a.js';\nexport const b = () => a();\n",
      }),
    ).toMatchObject({ status: 1, output: expect.stringContaining('packages/p/src: files import each other: a.ts, b.ts') });
    expect(
      check({
        'a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n",
        'b.ts': "import type { A } from './a.js';\nexport interface B { a?: A }\n",
      }).status,
    ).toBe(0);
  });
});
