/**
 * Runs the frame ring in real worker threads: the ring's module is bundled
 * from packages/camera/src with esbuild (Node 20 workers cannot load
 * TypeScript), so the workers run the current sources.
 */
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const CAMERA_SRC = fileURLToPath(new URL('../../packages/camera/src/', import.meta.url));
let bundled: string | null = null;

function ringBundle(): string {
  bundled ??= buildSync({
    stdin: { contents: "export { FrameRing } from './ring/frame-ring.ts';", resolveDir: CAMERA_SRC, loader: 'ts', sourcefile: 'worker-ring.ts' },
    bundle: true,
    platform: 'node',
    format: 'iife',
    globalName: 'camera',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return bundled;
}

/**
 * Runs `body` (the body of an async function, with `camera.FrameRing`,
 * `ring` attached to `buffer`, and `workerData` in scope) in a worker, and
 * resolves with what it returns.
 */
export function inWorker<T>(body: string, buffer: SharedArrayBuffer, data: unknown = {}): Promise<T> {
  const code = `${ringBundle()}
const { parentPort, workerData } = require('node:worker_threads');
const ring = new camera.FrameRing(workerData.buffer);
(async () => { ${body} })().then((value) => parentPort.postMessage({ value }), (error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;
  const worker = new Worker(code, { eval: true, workerData: { buffer, ...(data as object) } });
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (message: { value?: T; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.value as T);
    });
    worker.once('error', reject);
  });
}
