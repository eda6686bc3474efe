import { registerRunExtension, systemClock, type Block, type RunContext } from '@crappy/core';
import type { UiServer } from './server.js';
import type { UiOptions } from './ui-options.js';
import { isUiBlock, UI_CHANNEL, type PanelUpdate, type UiBlock } from './ui-block.js';

let server: UiServer | null = null;

/** The shared memory behind the loop rates, handed to every Block's worker. */
interface LoopCounters {
  /** Int32 per Block: the loops it started. */
  loops: SharedArrayBuffer;
  /** Float64 per Block: when it started its latest loop (seconds of the run's clock). */
  lastLoops: SharedArrayBuffer;
}

async function onPrepare(run: RunContext): Promise<void> {
  const uiBlocks = run.blocks.flatMap((block, id) => {
    const config = isUiBlock(block) ? block.panel() : null;
    return config === null ? [] : [{ id, block: block as UiBlock, config }];
  });
  if (uiBlocks.length === 0) return;
  const options = (run.options ?? {}) as UiOptions;
  if (typeof options !== 'object') throw new TypeError('start(): the ui option must be an object { host, port, open }');
  const loops = new SharedArrayBuffer(4 * run.blocks.length);
  const lastLoops = new SharedArrayBuffer(8 * run.blocks.length);
  run.workerData = { loops, lastLoops } satisfies LoopCounters;
  // Loaded here, in the main thread of a run with a UI only: Block workers never load the server and node:http.
  const { UiServer } = await import('./server.js');
  const current = new UiServer(run, uiBlocks, new Int32Array(loops), new Float64Array(lastLoops));
  const url = await current.listen(options);
  server = current;
  process.stdout.write(`Crappy UI: ${url}\n`);
  if (current.viewUrl !== null) process.stdout.write(`Crappy UI (view only): ${current.viewUrl}\n`);
}

/**
 * In a Block's worker: counts the Block's loops and notes when the latest
 * one started, in shared memory, for the run panel's loop rates.
 */
function onWorker(block: Block, blockIndex: number, data: unknown): void {
  const shared = data as Partial<LoopCounters> | undefined;
  if (shared?.loops === undefined || shared.lastLoops === undefined) return;
  const counts = new Int32Array(shared.loops);
  const lastLoops = new Float64Array(shared.lastLoops);
  const loop = block.loop.bind(block);
  block.loop = () => {
    lastLoops[blockIndex] = systemClock.time();
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
