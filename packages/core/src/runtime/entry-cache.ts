/**
 * The on-disk cache of compiled entry scripts: running the same script again
 * reuses its compiled module instead of paying esbuild's ~100 ms at every
 * `start()`.
 *
 * A cached module is used only while everything its compilation depended on
 * is as it was: every file bundled into it, the files external imports
 * resolved to, the `node_modules` entries those imports went through (a
 * reinstalled or relinked package changes them), and the `package.json`,
 * `tsconfig.json` and `jsconfig.json` files that could apply to a bundled
 * file. A file that changed during the compilation is not trusted: the
 * module is then used once but not cached. Modules are named after their
 * content and never overwritten, so that a process still using one is not
 * affected by another process compiling a newer one.
 * @module
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';

/** What a watched path looked like: `null` when it did not exist. */
type Fingerprint = string | null;

/** What is stored beside the compiled modules of one script. */
interface Manifest {
  /** Changes whenever the way entries are compiled changes. */
  key: string;
  /** File name of the module, in the cache folder. */
  module: string;
  /** Every path the compilation depended on, with its fingerprint then. */
  watched: Record<string, Fingerprint>;
}

/** Compiled modules unused for this long are deleted when a newer one is saved (ms). */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** Config files that can change how a bundled file is compiled or resolved. */
const CONFIG_FILES = ['package.json', 'tsconfig.json', 'jsconfig.json'];

/** Size, modification time and (for a link) target of `path`, without following a link. */
function fingerprint(path: string): Fingerprint {
  try {
    const stats = lstatSync(path);
    const target = stats.isSymbolicLink() ? ` -> ${readlinkSync(path)}` : '';
    return `${stats.size} ${stats.mtimeMs}${target}`;
  } catch {
    return null;
  }
}

/** The name a package import refers to: `@scope/name` or `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** What a compilation depended on, collected while esbuild runs. */
export class EntryDependencies {
  private readonly paths = new Set<string>();

  /** A file the compilation depended on, such as the compiler itself. */
  addFile(file: string): void {
    this.paths.add(file);
  }

  /** A file bundled into the module: itself, and the config files and `node_modules` folders above it. */
  addBundled(file: string): void {
    this.paths.add(file);
    for (let folder = dirname(file); ; folder = dirname(folder)) {
      for (const name of CONFIG_FILES) this.paths.add(join(folder, name));
      this.paths.add(join(folder, 'node_modules'));
      if (dirname(folder) === folder) break;
    }
  }

  /**
   * An import left to Node at run time, resolved to `resolved`: that file,
   * and the `node_modules` entries of its package seen from `importerFolder`
   * (a relinked or reinstalled package changes one of them).
   */
  addExternal(specifier: string, importerFolder: string, resolved: string): void {
    this.paths.add(resolved);
    const name = packageName(specifier);
    for (let folder = importerFolder; ; folder = dirname(folder)) {
      const entry = join(folder, 'node_modules', name);
      this.paths.add(entry);
      if (name.includes('/')) this.paths.add(dirname(entry));
      if (fingerprint(entry) !== null || dirname(folder) === folder) break;
    }
  }

  /** The fingerprint of every path, now. */
  snapshot(): Record<string, Fingerprint> {
    return Object.fromEntries([...this.paths].sort().map((path) => [path, fingerprint(path)]));
  }
}

/** Whether a fingerprint says its file was modified at or after `time` (ms since the epoch). */
function modifiedSince(print: Fingerprint, time: number): boolean {
  return print !== null && Number(print.split(' ')[1]) >= time;
}

/**
 * The cached module for the script whose manifest is `manifestPath`, if it
 * was compiled with `key` and nothing it depended on changed since.
 */
export function freshCompiledEntry(manifestPath: string, key: string): string | null {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    return null;
  }
  if (manifest.key !== key) return null;
  const module = join(dirname(manifestPath), manifest.module);
  if (fingerprint(module) === null) return null;
  for (const [path, print] of Object.entries(manifest.watched)) if (fingerprint(path) !== print) return null;
  return module;
}

/**
 * Publishes the module esbuild wrote to `tempfile` under a name made from
 * its content (`<stem>-<hash>.mjs`), and, unless a file it depended on
 * changed since `startedAt`, records it in `manifestPath` for later runs.
 * Deletes this script's modules unused for a week.
 * @returns the module's path
 */
export function saveCompiledEntry(
  tempfile: string,
  manifestPath: string,
  key: string,
  dependencies: EntryDependencies,
  startedAt: number,
): string {
  const folder = dirname(manifestPath);
  const stem = parse(manifestPath).name;
  const contentHash = createHash('sha1').update(readFileSync(tempfile)).digest('hex').slice(0, 12);
  const module = `${stem}-${contentHash}.mjs`;
  renameSync(tempfile, join(folder, module));
  const watched = dependencies.snapshot();
  if (!Object.values(watched).some((print) => modifiedSince(print, startedAt))) {
    const manifest: Manifest = { key, module, watched };
    const tempManifest = `${tempfile}.json`;
    writeFileSync(tempManifest, JSON.stringify(manifest));
    renameSync(tempManifest, manifestPath);
  }
  deleteOldModules(folder, stem, module);
  return join(folder, module);
}

/** Deletes the modules of `stem` other than `keep` that nobody touched for {@link MAX_AGE_MS}. */
function deleteOldModules(folder: string, stem: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    // The older modules of this script, and temporary files a killed process left.
    if (name === keep || !name.startsWith(stem) || !name.endsWith('.mjs')) continue;
    const print = fingerprint(join(folder, name));
    if (print !== null && !modifiedSince(print, now - MAX_AGE_MS)) rmSync(join(folder, name), { force: true });
  }
}
