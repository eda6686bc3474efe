/**
 * The file every Block worker starts from. Node boots the thread while the
 * main thread compiles the entry; this waits for its {@link HostMessage},
 * puts the worker info where `worker-info.js` reads it, maps stack traces
 * of a compiled entry back to the user's sources, and loads the entry, which
 * re-runs the script and hosts the Block.
 *
 * It loads no other module of Crappy: a JavaScript entry then imports
 * Crappy's own modules for the first time, after the worker info is set.
 * @module
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { mapCompiledStackTraces } from './compiled-stack-traces.js';
import { HOST_PORT_KEY, WORKER_DATA_KEY, type HostMessage } from './worker-boot.js';

const data = workerData as Record<string, unknown>;
const port = data[HOST_PORT_KEY] as MessagePort;
port.once('message', ({ entry, info, compiledFolder }: HostMessage) => {
  port.close();
  delete data[HOST_PORT_KEY];
  data[WORKER_DATA_KEY] = info;
  // As in the main thread: the script it runs, not this file.
  process.argv[1] = info.script;
  if (compiledFolder !== null) mapCompiledStackTraces(compiledFolder);
  // A failure to load the entry ends the thread like an error thrown by a script.
  import(entry).catch((error: unknown) => {
    throw error;
  });
});
