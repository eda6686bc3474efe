/**
 * Scripts that would run as CommonJS. A script runs as CommonJS when its
 * extension says so (.cts, .cjs), or when no `"type": "module"` in the
 * nearest package.json says otherwise (.ts, .js…). There, top-level await, as
 * in `await crappy.start()`, fails with esbuild's "Top-level await is
 * currently not supported with the "cjs" output format", which does not say
 * what to change.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

const LOADERS: Record<string, 'ts' | 'tsx' | 'js' | 'jsx'> = {
  '.ts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.cjs': 'js', '.jsx': 'jsx',
};

/** Why a script runs as CommonJS: its extension, its package.json, or no package.json at all. */
type CommonJsReason = { by: 'extension' } | { by: 'package'; packageJson: string } | { by: 'no package' };

/**
 * Tells what to change when a script would run as CommonJS and uses
 * top-level await, which CommonJS cannot run.
 * @param script the script's path
 * @returns the message, or `undefined` when the script runs as an ES module,
 * has no top-level await, or cannot be read or parsed (the run then reports it)
 */
export async function commonJsProblem(script: string): Promise<string | undefined> {
  const path = resolve(script);
  const loader = LOADERS[extname(path)];
  if (loader === undefined) return undefined;
  const reason = commonJsReason(path);
  if (reason === undefined) return undefined;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  if (!(await hasTopLevelAwait(source, loader))) return undefined;
  const moduleExtension = loader.startsWith('ts') ? '.mts' : '.mjs';
  const cannot = 'which cannot run its top-level await (as in `await crappy.start()`)';
  switch (reason.by) {
    case 'extension':
      return `${script} runs as CommonJS (${extname(path)}), ${cannot}: rename it to ${moduleExtension}`;
    case 'package':
      return `${script} runs as CommonJS, ${cannot}: add "type": "module" to its package.json, ${reason.packageJson}, or rename the script to ${moduleExtension}`;
    case 'no package':
      return `${script} runs as CommonJS (no package.json above it says "type": "module"), ${cannot}: make its folder a Crappy project with \`npx crappy init <folder>\`, or rename the script to ${moduleExtension}`;
  }
}

/** Why the script at `path` runs as CommonJS, or `undefined` when it runs as an ES module. */
function commonJsReason(path: string): CommonJsReason | undefined {
  if (['.cts', '.cjs'].includes(extname(path))) return { by: 'extension' };
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const packageJson = join(folder, 'package.json');
    if (existsSync(packageJson)) {
      let type: unknown;
      try {
        type = (JSON.parse(readFileSync(packageJson, 'utf8')) as { type?: unknown }).type;
      } catch {
        return undefined;
      }
      return type === 'module' ? undefined : { by: 'package', packageJson };
    }
    if (dirname(folder) === folder) return { by: 'no package' };
  }
}

/** Whether compiling the source to CommonJS fails on a top-level await. */
async function hasTopLevelAwait(source: string, loader: 'ts' | 'tsx' | 'js' | 'jsx'): Promise<boolean> {
  const esbuild = await import('esbuild');
  try {
    await esbuild.transform(source, { loader, format: 'cjs', logLevel: 'silent' });
    return false;
  } catch (error) {
    const messages = (error as { errors?: { text: string }[] }).errors ?? [];
    return messages.some((message) => /top-level await/i.test(message.text));
  } finally {
    await esbuild.stop();
  }
}
