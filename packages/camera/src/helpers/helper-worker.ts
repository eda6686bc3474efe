/**
 * The entry of a Camera Block helper's worker: imports the helper's module,
 * builds the helper and runs it on the Block's frame ring.
 * @internal
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FrameRing } from '../ring/frame-ring.js';
import type { CameraHelper } from './camera-helper.js';
import type { HelperMessage, HelperWorkerData, HostMessage } from './helper-messages.js';

const data = workerData as HelperWorkerData;
const port = parentPort!;
const post = (message: HelperMessage): void => port.postMessage(message);

try {
  const module = (await import(data.spec.module)) as Record<string, new (options: unknown) => CameraHelper>;
  const Helper = module[data.spec.exportName];
  if (typeof Helper !== 'function') throw new TypeError(`${data.spec.module} exports no class ${data.spec.exportName}`);
  const helper = new Helper(data.spec.options);
  port.on('message', (message: HostMessage) => {
    if (message.type === 'drawn') helper.onDrawn(message.shapes);
  });
  const stats = await helper.run(new FrameRing(data.ring), port, data.firstFrame);
  post({ type: 'done', stats });
  port.close();
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  process.exit(1);
}
