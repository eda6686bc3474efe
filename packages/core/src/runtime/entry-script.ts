import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);

/** What a Block worker runs to rebuild the graph. */
export interface WorkerEntry {
  /** The user's script, absolute. */
  script: string;
  /** The module the worker loads: the script, or its compiled entry. */
  url: URL;
  /** The folder of the compiled entry (a URL ending in `/`), null when the script runs as is. */
  compiledFolder: string | null;
}

const compiled = new Map<string, URL>();

/**
 * Finds the module Block workers load: the entry script itself when it
 * is JavaScript, or, when it is TypeScript, that script compiled once with
 * esbuild (its own imports and Crappy bundled, other packages left to Node,
 * see `compile-entry.ts`). Workers then start at plain-JavaScript speed and
 * need no TypeScript loader (`--import tsx` does not reach workers on Node 20).
 * @param entry the script's path, by default the one Node was started with
 */
export async function workerEntry(entry = process.argv[1]): Promise<WorkerEntry> {
  if (!entry) {
    throw new Error('crappy: cannot find the entry script to run the Blocks from (process.argv[1] is empty); pass { entry } to start()');
  }
  const path = resolve(entry);
  if (!TYPESCRIPT.has(extname(path))) return { script: path, url: pathToFileURL(path), compiledFolder: null };
  let url = compiled.get(path);
  if (url === undefined) {
    // Loaded here, by the main thread only: workers never load the compiler.
    const { compileEntry } = await import('./compile-entry.js');
    url = await compileEntry(path);
    compiled.set(path, url);
  }
  return { script: path, url, compiledFolder: new URL('./', url).href };
}

/**
 * Node flags for Block workers: the main thread's, minus those that load
 * tsx (workers run JavaScript).
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
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
