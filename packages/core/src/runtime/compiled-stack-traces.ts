import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Makes the stack traces of this thread point at the user's sources for the
 * frames in a compiled entry (the files of `folder`, a URL ending in `/`),
 * through the source map esbuild wrote next to each of its files.
 *
 * Unlike `--enable-source-maps`, which reads and decodes the maps of every
 * module as it loads (about 20 ms and 2 MB per worker), a map is read the
 * first time a stack trace holds one of its file's frames.
 */
export function mapCompiledStackTraces(folder: string): void {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string): SourceMap | null => {
    let map = maps.get(file);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(fileURLToPath(`${file}.map`), 'utf8')));
      } catch {
        map = null;
      }
      maps.set(file, map);
    }
    return map;
  };
  Error.prepareStackTrace = (error: Error, callSites: NodeJS.CallSite[]): string => {
    const frames = callSites.map((site) => {
      const text = site.toString();
      const file = site.getFileName();
      const line = site.getLineNumber();
      const column = site.getColumnNumber();
      if (file?.startsWith(folder) !== true || line === null || column === null) return text;
      const found = mapOf(file)?.findEntry(line - 1, column - 1);
      if (found === undefined || !('originalSource' in found)) return text;
      const source = fileURLToPath(new URL(found.originalSource, file));
      const at = `${file}:${line}:${column}`;
      const index = text.lastIndexOf(at);
      if (index < 0) return text;
      return `${text.slice(0, index)}${source}:${found.originalLine + 1}:${found.originalColumn + 1}${text.slice(index + at.length)}`;
    });
    return [headline(error), ...frames.map((frame) => `    at ${frame}`)].join('\n');
  };
}

/** The first line of a stack trace, as V8 writes it. */
function headline(error: Error): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return '<error>';
  }
}
