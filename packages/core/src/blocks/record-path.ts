/**
 * Where a recording Block writes: the original's rules for folders that do
 * not exist yet and for files that already exist.
 * @module
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Block } from '../block/block.js';
import { LogLevel } from '../logging/levels.js';
import type { RequiredArgument } from '../options/index.js';

/** The file argument of the recording Blocks: `filePath`, or `fileName` as the original names it, in an options object. */
export const FILE_PATH: RequiredArgument = { name: 'filePath', aliases: ['fileName'] };

/**
 * Makes `path` ready to be written by `block`: creates its parent folders if
 * needed, and if `path` already exists, returns `<stem>_<i:05d><suffix>` in
 * the same folder, with the smallest free `i` ≥ 1 (`data.csv` →
 * `data_00001.csv`), so that no file is ever overwritten.
 * @returns the path to write to
 * @throws Error naming the folder when it cannot be created or written in
 */
export function claimOutputPath(block: Block, path: string): string {
  const folder = dirname(path);
  if (!isFolder(folder)) {
    block.log(LogLevel.INFO, `Creating the folder ${folder} for the file ${path}`);
    try {
      makeFolders(folder);
    } catch (error) {
      throw new Error(`${block.name}: option 'filePath': cannot create the folder ${folder} to write ${path}: ${(error as Error).message}`);
    }
  }
  const probe = join(folder, `.${basename(path)}.${block.name}.${process.pid}.crappy-check`);
  try {
    // Creating a file is the only check that holds for every user (access() answers for the real user, root included).
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    throw new Error(
      `${block.name}: option 'filePath': cannot write in the folder ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): ` +
        'choose another folder or change its permissions',
    );
  }
  if (!existsSync(path)) return path;
  const suffix = extname(path);
  const stem = basename(path, suffix);
  let i = 1;
  while (existsSync(join(folder, `${stem}_${String(i).padStart(5, '0')}${suffix}`))) i += 1;
  const free = join(folder, `${stem}_${String(i).padStart(5, '0')}${suffix}`);
  block.log(LogLevel.WARNING, `The file ${path} already exists: writing to ${free} instead`);
  return free;
}

/**
 * Creates `folder` and its missing parents, one level at a time: Node's
 * recursive mkdir never returns for some paths (under /proc on Node 20).
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; !isFolder(current); current = dirname(current)) {
    if (dirname(current) === current) break;
    missing.unshift(current);
  }
  for (const level of missing) mkdirSync(level);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
