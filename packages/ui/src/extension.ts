import { registerRunExtension, type Block, type RunContext } from '@crappy/core';
import { UiServer, type UiOptions } from './server.js';
import { isUiBlock, UI_CHANNEL, type PanelUpdate } from './ui-block.js';

let server: UiServer | null = null;

function onPrepare(run: RunContext): Promise<void> | void {
  const uiBlocks = run.blocks.flatMap((block, id) => (isUiBlock(block) ? [{ id, block }] : []));
  if (uiBlocks.length === 0) return;
  const options = (run.options ?? {}) as UiOptions;
  if (typeof options !== 'object') throw new TypeError('start(): the ui option must be an object { host, port, open }');
  const loops = new SharedArrayBuffer(4 * run.blocks.length);
  run.workerData = { loops };
  const current = new UiServer(run, uiBlocks, new Int32Array(loops));
  return current.listen(options).then((url) => {
    server = current;
    process.stdout.write(`Crappy UI: ${url}\n`);
    if (current.viewUrl !== null) process.stdout.write(`Crappy UI (view only): ${current.viewUrl}\n`);
  });
}

/** In a Block's worker: counts the Block's loops in shared memory, for the run panel's loop rates. */
function onWorker(block: Block, blockIndex: number, data: unknown): void {
  const loops = (data as { loops?: SharedArrayBuffer } | undefined)?.loops;
  if (loops === undefined) return;
  const counts = new Int32Array(loops);
  const loop = block.loop.bind(block);
  block.loop = () => {
    Atomics.add(counts, blockIndex, 1);
    return loop();
  };
}

registerRunExtension({
  name: UI_CHANNEL,
  optionKey: 'ui',
  onPrepare,
  onWorker,
  onMessage: (blockIndex, data) => server?.update(blockIndex, data as PanelUpdate),
  onCleanup: async () => {
    const current = server;
    server = null;
    await current?.close();
  },
});
