import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);
const LOADERS: Record<string, 'ts' | 'tsx' | 'js' | 'jsx'> = {
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx',
};

/** What a Block worker runs to rebuild the graph. */
export interface WorkerEntry {
  /** The user's script, absolute. */
  script: string;
  /** The file the worker starts from. */
  url: URL;
  /** Node flags for the worker. */
  execArgv: string[];
}

const compiled = new Map<string, URL>();

/**
 * Crappy's own packages are bundled into the compiled entry: a worker then
 * loads one file instead of a hundred modules (about 8 ms of CPU instead of
 * 60 ms per worker). Other packages stay external and load from node_modules.
 */
const BUNDLED_PACKAGES = /^(crappy|@crappy\/[^/]+)(\/|$)/;

/**
 * Finds the file Block workers start from: the entry script itself when it
 * is JavaScript, or, when it is TypeScript, that script compiled once with
 * esbuild into a single JavaScript module (its own imports and Crappy bundled, other packages
 * left to Node). Workers then start at plain-JavaScript speed and need no
 * TypeScript loader (`--import tsx` does not reach workers on Node 20).
 * @param entry the script's path, by default the one Node was started with
 */
export async function workerEntry(entry = process.argv[1]): Promise<WorkerEntry> {
  if (!entry) {
    throw new Error('crappy: cannot find the entry script to run the Blocks from (process.argv[1] is empty); pass { entry } to start()');
  }
  const path = resolve(entry);
  if (!TYPESCRIPT.has(extname(path))) return { script: path, url: pathToFileURL(path), execArgv: withoutTsx(process.execArgv) };
  let url = compiled.get(path);
  if (url === undefined) {
    url = await compile(path);
    compiled.set(path, url);
  }
  // The compiled module carries an inline source map: errors then point at the user's .ts lines.
  const execArgv = withoutTsx(process.execArgv);
  if (!execArgv.includes('--enable-source-maps')) execArgv.push('--enable-source-maps');
  return { script: path, url, execArgv };
}

/** Drops the flags that load tsx: workers run compiled JavaScript. */
function withoutTsx(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i]!;
    if (/^--(import|require|loader|experimental-loader)$/.test(flag) && /tsx/.test(execArgv[i + 1] ?? '')) {
      i += 1;
    } else if (!/^--(import|require|loader|experimental-loader)=.*tsx/.test(flag)) {
      kept.push(flag);
    }
  }
  return kept;
}

async function compile(path: string): Promise<URL> {
  const esbuild = await import('esbuild');
  const folder = join(tmpdir(), 'crappy', 'entries');
  mkdirSync(folder, { recursive: true });
  const hash = createHash('sha1').update(path).digest('hex').slice(0, 10);
  const outfile = join(folder, `${basename(path, extname(path))}-${hash}-${process.pid}.mjs`);
  process.once('exit', () => rmSync(outfile, { force: true }));
  await esbuild.build({
    entryPoints: [path],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    keepNames: true,
    sourcemap: 'inline',
    // Mappings only: the sources' text would make each worker parse 3 times more.
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
  return pathToFileURL(outfile);
}
