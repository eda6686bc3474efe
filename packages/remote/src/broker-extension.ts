/**
 * The run extension that hosts the embedded brokers: in the main thread,
 * for the duration of a run, one aedes broker per address and port that a
 * ClientServer with `broker: true` asks for.
 * @module
 */
import { LogLevel, registerRunExtension, type Block, type RunContext } from '@crappy/core';
import { ClientServer } from './client-server.js';
import type { EmbeddedBroker } from './embedded-broker.js';

/** Name of the extension. */
const REMOTE_EXTENSION = 'remote';

/** What each Block's worker gets: the port of its embedded broker, by Block index. */
interface BrokerPorts {
  ports: Record<number, number>;
}

let brokers: EmbeddedBroker[] = [];

async function onPrepare(run: RunContext): Promise<void> {
  const wanted = run.blocks.flatMap((block, index) => {
    const where = block instanceof ClientServer ? block.embeddedBroker : null;
    return where === null ? [] : [{ index, ...where }];
  });
  if (wanted.length === 0) return;
  // Loaded here, in the main thread of a run that hosts a broker: Block workers never load aedes.
  const { EmbeddedBroker } = await import('./embedded-broker.js');
  const byAddress = new Map<string, EmbeddedBroker>();
  const ports: Record<number, number> = {};
  try {
    for (const { index, address, port } of wanted) {
      const key = `${address}:${port}`;
      let broker = byAddress.get(key);
      if (broker === undefined) {
        broker = await EmbeddedBroker.start(address, port);
        byAddress.set(key, broker);
        brokers.push(broker);
        run.log(LogLevel.INFO, `MQTT broker (aedes) listening on ${address}:${broker.port}`);
      }
      ports[index] = broker.port;
    }
  } catch (error) {
    await closeBrokers();
    throw error;
  }
  run.workerData = { ports } satisfies BrokerPorts;
}

function onWorker(block: Block, blockIndex: number, data: unknown): void {
  const port = (data as BrokerPorts | undefined)?.ports[blockIndex];
  if (port !== undefined && block instanceof ClientServer) block.useEmbeddedBroker(port);
}

async function closeBrokers(): Promise<void> {
  const current = brokers;
  brokers = [];
  await Promise.all(current.map((broker) => broker.close()));
}

registerRunExtension({ name: REMOTE_EXTENSION, onPrepare, onWorker, onCleanup: closeBrokers });
