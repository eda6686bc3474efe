/**
 * `crappy init`: makes a folder for a lab's own test scripts.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CommandError } from './command-error.js';
import { projectFiles, type ProjectDependencies } from './project-files.js';

/** Options of {@link initProject}. */
export interface InitOptions {
  /** The folder to make. It may exist, as long as none of the files to write does. */
  folder: string;
  /**
   * A folder holding the tarballs of Crappy's packages, made by `npm pack
   * --workspaces` in Crappy's repository: the project then depends on them
   * rather than on the npm registry.
   */
  from?: string | undefined;
}

/** What `crappy`'s own package.json tells: its version, and those of the Crappy packages it uses. */
interface CrappyManifest {
  version: string;
  dependencies: Record<string, string>;
}

/**
 * Writes a new project into a folder: a package.json (an ES module package
 * depending on `crappy`, with `npm run check`), a tsconfig.json, a .gitignore
 * and a first script. Writes nothing when one of these files already exists.
 * @returns the names of the files written
 */
export function initProject(options: InitOptions): string[] {
  const folder = resolve(options.folder);
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as CrappyManifest;
  const dependencies = options.from === undefined ? { crappy: `^${manifest.version}` } : tarballDependencies(options.from, manifest);
  const files = projectFiles(packageName(folder), dependencies);
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new CommandError(`${options.folder} exists and is not a folder`);
  }
  const existing = Object.keys(files).filter((name) => existsSync(join(folder, name)));
  if (existing.length > 0) {
    throw new CommandError(
      `${options.folder} already has ${existing.join(', ')}; nothing was written (crappy init never overwrites a file: choose a new folder)`,
    );
  }
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text, { flag: 'wx' });
  return Object.keys(files);
}

/** Depends on the tarballs of `crappy` and of the Crappy packages it uses, all found in `from`. */
function tarballDependencies(from: string, manifest: CrappyManifest): ProjectDependencies {
  const folder = resolve(from);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CommandError(`--from ${from}: no such folder`);
  const packages: [string, string][] = [
    ['crappy', manifest.version],
    ...Object.entries(manifest.dependencies).filter(([name]) => name.startsWith('@crappy/')),
  ];
  const tarballs = packages.map(([name, version]): [string, string] => [name, join(folder, tarballName(name, version))]);
  const missing = tarballs.filter(([, path]) => !existsSync(path)).map(([, path]) => basename(path));
  if (missing.length > 0) {
    throw new CommandError(
      `--from ${from} lacks ${missing.join(', ')}; make the tarballs with \`npm pack --workspaces --pack-destination <folder>\` in Crappy's repository`,
    );
  }
  const [crappy, ...own] = tarballs.map(([name, path]): [string, string] => [name, `file:${path}`]);
  return { crappy: crappy![1], overrides: Object.fromEntries(own) };
}

/** The file name `npm pack` gives a package's tarball: `@crappy/core` 0.1.0 is `crappy-core-0.1.0.tgz`. */
function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/** A valid npm package name made from the folder's name. */
function packageName(folder: string): string {
  const name = basename(folder).toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._-]+|-+$/g, '');
  return name || 'crappy-tests';
}
