import { accessSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The name of the file listing the saved frames. */
export const METADATA_FILE = 'metadata.csv';

/**
 * The folder the recorder writes to, by the original's rule: `folder`
 * (default `Crappy_images` in the working folder); when it already holds a
 * `metadata.csv`, the first free `<folder>_00001`, `<folder>_00002`...
 * instead. Creates it and checks that it can be written.
 * @param warn told when another folder is used
 * @throws Error naming the folder when it cannot be created or written
 */
export function prepareSaveFolder(folder: string | null, warn: (message: string) => void): string {
  let target = resolve(folder ?? 'Crappy_images');
  try {
    if (existsSync(target) && readdirSync(target).includes(METADATA_FILE)) {
      const parent = dirname(target);
      const name = basename(target);
      let i = 1;
      while (existsSync(join(parent, `${name}_${String(i).padStart(5, '0')}`))) i += 1;
      const other = join(parent, `${name}_${String(i).padStart(5, '0')}`);
      warn(`The folder ${target} already holds images from Crappy: saving the images in ${other} instead`);
      target = other;
    }
    mkdirSync(target, { recursive: true });
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw new Error(`Cannot write the images in the folder ${target}: ${(error as Error).message}`);
  }
  return target;
}

/** The file name of a frame: `<index:06d>_<t:.3f>.<extension>`, as the original's. */
export function frameFileName(index: number, t: number, extension: string): string {
  const number = index < 0 ? `-${String(-index).padStart(5, '0')}` : String(index).padStart(6, '0');
  return `${number}_${t.toFixed(3)}.${extension}`;
}
