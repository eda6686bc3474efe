/**
 * remote: the ClientServer Block over MQTT, through the embedded broker
 * (`--broker=aedes`, in this process, as in a run's main thread) or a
 * Mosquitto started on a free loopback port (`--broker=mosquitto`).
 *
 * - round trip: this process publishes a payload of the ClientServer's
 *   format (4 labels) on `bench/ping`, an echo client in another process
 *   sends it back on `bench/pong`; 500 warm-up round trips, then 5000
 *   measured, one at a time (the MQTT transport alone: a ClientServer Block
 *   adds up to one loop period, 1 / freq, on each side);
 * - rate: a sender process's ClientServer publishes 200 000 rows of 4 labels
 *   to a receiver process's ClientServer, as fast as they go; the receiver
 *   counts them (0 lost, in order, is the target) and gives the rows per
 *   second between the first and the last, and the time each row took from
 *   the sender's Block to the receiver's Block.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectAsync } from 'mqtt';
import { EmbeddedBroker, encodePayload } from '@crappy/remote';
import { startMosquitto } from '../../test/helpers/mosquitto.js';
import { percentile, printResult, round } from '../lib.js';

const WARMUP = 500;
const MEASURED = 5000;
const ROWS = 200_000;
const broker = process.argv.find((arg) => arg.startsWith('--broker='))?.slice(9) ?? 'aedes';
if (broker !== 'aedes' && broker !== 'mosquitto') throw new RangeError('--broker must be aedes or mosquitto');
const peer = fileURLToPath(new URL('./remote-peer.ts', import.meta.url));

/** Starts remote-peer.ts with `args`; resolves with the child once it printed `waitFor`. */
function startPeer(args: string[], waitFor: string): Promise<{ child: ReturnType<typeof spawn>; output: () => string; exited: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', peer, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const before = output;
      output += chunk;
      if (!before.includes(waitFor) && output.includes(waitFor)) resolve({ child, output: () => output, exited });
    });
    child.once('exit', (code) => {
      if (!output.includes(waitFor)) reject(new Error(`remote-peer ${args.join(' ')} exited (${code}) before "${waitFor}":\n${output}`));
    });
  });
}

const server = broker === 'aedes' ? await EmbeddedBroker.start('127.0.0.1', 0) : await startMosquitto();
const port = server.port;
try {
  // Round trip, one message at a time.
  const echo = await startPeer(['--role=echo', `--port=${port}`], 'ready');
  const client = await connectAsync({ host: '127.0.0.1', port });
  await client.subscribeAsync('bench/pong');
  const rtt = new Float64Array(MEASURED);
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    const payload = encodePayload(1.7e9, { 't(s)': [i / 1000], i: [i], force: [i * 0.5], position: [-i] }, 't(s)');
    const back = new Promise<void>((resolve) => client.once('message', () => resolve()));
    const start = process.hrtime.bigint();
    client.publish('bench/ping', payload);
    await back;
    if (i >= WARMUP) rtt[i - WARMUP] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  await client.endAsync();
  echo.child.stdin!.end();
  await echo.exited;

  // Rate between two processes.
  const receiver = await startPeer(['--role=receiver', `--port=${port}`, `--rows=${ROWS}`], 'starting the test');
  const sender = await startPeer(['--role=sender', `--port=${port}`, `--rows=${ROWS}`], '"sent"');
  await Promise.all([receiver.exited, sender.exited]);
  const line = receiver.output().split('\n').find((l) => l.startsWith('{"scenario"'));
  if (line === undefined) throw new Error(`the receiver printed no result:\n${receiver.output()}`);
  const { scenario: _, ...rate } = JSON.parse(line) as Record<string, unknown>;
  const sent = JSON.parse(sender.output().split('\n').find((l) => l.startsWith('{"sent"'))!) as Record<string, number>;
  printResult('remote', {
    broker,
    rtt_ms_p50: round(percentile(rtt, 50), 3),
    rtt_ms_p99: round(percentile(rtt, 99), 3),
    rows: ROWS,
    labels_per_row: 4,
    mqtt_messages: sent.messages,
    sender_dropped: sent.dropped,
    ...rate,
  });
} finally {
  if ('stop' in server) await server.stop();
  else await server.close();
}
