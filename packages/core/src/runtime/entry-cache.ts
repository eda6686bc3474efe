/**
 * The on-disk cache of compiled entry scripts: running the same script again
 * reuses its compiled module instead of paying esbuild's ~100 ms at every
 * `start()`. A cached module is used only while every file bundled into it
 * still has the size and modification time it had when it was compiled.
 * @module
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

/** What is stored beside a compiled module: the files it was built from. */
interface Manifest {
  /** Changes whenever the way entries are compiled changes. */
  key: string;
  /** Absolute path of every input → `[size, mtimeMs]` when it was compiled. */
  inputs: Record<string, [number, number]>;
}

/** The manifest's path for a compiled module. */
function manifestPath(outfile: string): string {
  return `${outfile}.inputs.json`;
}

/** Size and modification time of a file, or null when it is gone. */
function fingerprint(path: string): [number, number] | null {
  try {
    const stats = statSync(path);
    return [stats.size, stats.mtimeMs];
  } catch {
    return null;
  }
}

/**
 * Whether `outfile` holds a module compiled with `key` from files that have
 * not changed since.
 */
export function isCompiledEntryFresh(outfile: string, key: string): boolean {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(outfile), 'utf8')) as Manifest;
  } catch {
    return false;
  }
  if (manifest.key !== key || fingerprint(outfile) === null) return false;
  return Object.entries(manifest.inputs).every(([path, [size, mtimeMs]]) => {
    const now = fingerprint(path);
    return now !== null && now[0] === size && now[1] === mtimeMs;
  });
}

/**
 * Publishes a module compiled into `tempfile` as `outfile`, with the
 * fingerprints of its `inputs`. Both files are renamed into place, so a
 * process starting the same script at the same time never reads half a file.
 */
export function saveCompiledEntry(tempfile: string, outfile: string, key: string, inputs: readonly string[]): void {
  const manifest: Manifest = { key, inputs: {} };
  for (const path of inputs) {
    const now = fingerprint(path);
    if (now !== null) manifest.inputs[path] = now;
  }
  renameSync(tempfile, outfile);
  const tempManifest = `${tempfile}.inputs.json`;
  writeFileSync(tempManifest, JSON.stringify(manifest));
  renameSync(tempManifest, manifestPath(outfile));
}
