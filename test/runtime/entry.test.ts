// How Block workers load the user's script: a TypeScript entry compiled for
// them, booted threads handed their run, stack traces mapped back to the
// user's .ts lines, import.meta and process.argv as in the main thread.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dump, events, mainEvent } from '../helpers/markers.js';
import { runScript, SCRIPTS } from '../helpers/run-script.js';

const folder = join(SCRIPTS, 'runtime');
const run = (script: string, ...args: string[]) => runScript(`runtime/${script}`, { args, timeoutMs: 45_000 });

describe.concurrent('the entry a Block worker loads', () => {
  it("maps a worker's stack traces back to the user's .ts lines", async () => {
    const result = await run('entry.ts', 'stack');
    expect(result.code, dump(result)).toBe(0);
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'threw', name: 'CrappyFail' });
    const helper = join(folder, 'helper.ts');
    const line = readFileSync(helper, 'utf8').split('\n').findIndex((text) => text.includes('THROW-LINE')) + 1;
    const [marked] = events(result, 'stack', { main: false });
    expect(marked, dump(result)).toBeDefined();
    const stack = marked!.stack as string;
    expect(stack).toMatch(/^Error: failed in helper on purpose\n/);
    expect(stack).toContain(`at failHere (${helper}:${line}:`);
    expect(stack).toContain(`${join(folder, 'entry.ts')}:`);
    expect(stack).not.toMatch(/\.mjs:\d+/);
    // The logged error carries the same mapped stack.
    expect(result.stderr).toContain(`${helper}:${line}:`);
  });

  it('gives import.meta and process.argv the values they have in the main thread', async () => {
    const result = await run('entry.ts', 'where', 'extra');
    expect(result.code, dump(result)).toBe(0);
    const main = mainEvent(result, 'where');
    const [worker] = events(result, 'where', { main: false });
    expect(worker, dump(result)).toBeDefined();
    const script = join(folder, 'entry.ts');
    expect(main.script).toEqual({ url: pathToFileURL(script).href, filename: script, dirname: folder });
    expect(main.helper).toMatchObject({ filename: join(folder, 'helper.ts') });
    expect(worker!.script).toEqual(main.script);
    expect(worker!.helper).toEqual(main.helper);
    expect(worker!.argv).toEqual([script, 'where', 'extra']);
    expect(main.argv).toEqual(worker!.argv);
  });

  it('a compile that fails makes start() throw it, and leaves no thread behind', async () => {
    const result = await run('broken-import.ts');
    expect(result.signal, dump(result)).toBeNull();
    expect(result.code, dump(result)).toBe(0);
    expect(mainEvent(result, 'result')).toMatchObject({ outcome: 'threw' });
    expect(mainEvent(result, 'result').message).toMatch(/no-such-file/);
  });
});
