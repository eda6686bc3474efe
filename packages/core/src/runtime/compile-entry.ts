import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const LOADERS: Record<string, 'ts' | 'tsx' | 'js' | 'jsx'> = {
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx',
};

/**
 * Crappy's own packages are bundled into the compiled entry: a worker then
 * loads one file instead of a hundred modules (about 8 ms of CPU instead of
 * 60 ms per worker). Other packages stay external and load from node_modules.
 */
const BUNDLED_PACKAGES = /^(crappy|@crappy\/[^/]+)(\/|$)/;

/**
 * Compiles a TypeScript entry script with esbuild into an ES module in a
 * folder of its own, deleted when the process exits, and returns its URL.
 *
 * The script's own imports and Crappy are bundled, other packages and Node
 * built-ins stay imports. Code split: what a dynamic `import()` loads
 * (the script's, or Crappy's main-thread-only code such as this compiler
 * and the UI server) goes to chunks of its own, so a Block worker only
 * loads what it runs.
 * @param path absolute path of the script
 */
export async function compileEntry(path: string): Promise<URL> {
  const esbuild = await import('esbuild');
  const hash = createHash('sha1').update(path).digest('hex').slice(0, 10);
  const name = basename(path, extname(path));
  const outdir = join(tmpdir(), 'crappy', 'entries', `${name}-${hash}-${process.pid}`);
  mkdirSync(outdir, { recursive: true });
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  await esbuild.build({
    entryPoints: { [name]: path },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    keepNames: true,
    // Drops the comments esbuild keeps (the library's doc comments, some with non-ASCII characters):
    // the code a worker holds is then half as long, and V8 stores it one byte per character.
    minifyWhitespace: true,
    // Next to each file, read only when a stack trace needs it (see compiled-stack-traces.ts);
    // mappings only: the sources' text would triple the map.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'crappy-packages-stay-external',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.pluginData === 'crappy-resolving' || args.kind === 'entry-point') return undefined;
            if (BUNDLED_PACKAGES.test(args.path)) return undefined;
            if (isBuiltin(args.path)) return { path: args.path, external: true };
            const found = await build.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              importer: args.importer,
              pluginData: 'crappy-resolving',
            });
            if (found.errors.length > 0) return { errors: found.errors };
            return { path: pathToFileURL(found.path).href, external: true };
          });
        },
      },
      {
        name: 'crappy-keep-import-meta',
        setup(build) {
          build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
            const source = readFileSync(args.path, 'utf8');
            if (!source.includes('import.meta')) return undefined;
            const contents = source
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
              .replaceAll('import.meta.filename', JSON.stringify(args.path))
              .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
            return { contents, loader: LOADERS[extname(args.path)] ?? 'js', resolveDir: dirname(args.path) };
          });
        },
      },
    ],
  });
  await esbuild.stop();
  return pathToFileURL(join(outdir, `${name}.mjs`));
}
