/**
 * The other processes of the `remote` scenario (not a scenario itself):
 *
 * - `--role=echo --port=P`: an mqtt.js client that sends every message of
 *   `bench/ping` back on `bench/pong`; prints `ready` once subscribed;
 * - `--role=receiver --port=P --rows=N`: a Crappy run, a ClientServer
 *   receiving rows of 4 labels and a Counter that checks their order, notes
 *   when the first and the last arrived and how long each took from the
 *   sender's Block (its `t(s)`, shifted to this run's t0); the run ends when
 *   the N rows arrived, or 30 s after the last one; prints its result line;
 * - `--role=sender --port=P --rows=N`: a Crappy run, a Source sending N rows
 *   as fast as its Link takes them (`whenFull: 'block'`) to a ClientServer.
 */
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';
import { intArg, percentile, printResult, readResult, round, shareResult } from '../lib.js';

const role = process.argv.find((arg) => arg.startsWith('--role='))?.slice(7);
const port = intArg('port', 1883);
const rows = intArg('rows', 100_000);
const TOPIC = [['t(s)', 'i', 'force', 'position']];
/** Rows a Link holds: the ClientServers take them 200 times a second. */
const CAPACITY = 20_000;

if (role === 'echo') {
  const { connectAsync } = await import('mqtt');
  const client = await connectAsync({ host: '127.0.0.1', port });
  client.on('message', (_topic, payload) => client.publish('bench/pong', payload));
  await client.subscribeAsync('bench/ping');
  writeSync(1, 'ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => void client.endAsync().then(() => process.exit(0)));
}

/** Sends rows 0..N−1 of 4 labels as fast as its Link takes them, then ends the run. */
class Source extends crappy.Block {
  private i = 0;

  override loop(): void {
    const t = this.clock.time() - this.t0;
    for (let k = 0; k < 100 && this.i < rows; k++, this.i++) this.send({ 't(s)': t, i: this.i, force: 0.5 * this.i, position: -this.i });
    if (this.i === rows) this.stop();
  }
}

/** Counts the rows, checks their order, and times them. */
class Counter extends crappy.Block {
  private readonly latency = new Float64Array(rows);
  private count = 0;
  private outOfOrder = 0;
  private first = 0;
  private last = 0;

  override loop(): void {
    const data = this.recvAllData();
    const now = this.clock.time() - this.t0;
    const is = (data.i ?? []) as number[];
    const times = (data['t(s)'] ?? []) as number[];
    for (let k = 0; k < is.length; k++) {
      if (is[k] !== this.count) this.outOfOrder += 1;
      if (this.count < rows) this.latency[this.count] = now - times[k]!;
      this.count += 1;
    }
    if (is.length > 0) {
      if (this.first === 0) this.first = now;
      this.last = now;
    }
    if (this.count >= rows || (this.last > 0 && now - this.last > 30)) this.stop();
  }

  override finish(): void {
    const got = this.latency.subarray(0, Math.min(this.count, rows));
    shareResult('receiver', {
      received: this.count,
      lost: rows - this.count,
      out_of_order: this.outOfOrder,
      rows_per_s: Math.round((this.count - 1) / (this.last - this.first)),
      saturated_block_to_block_ms_p50: round(percentile(got, 50) * 1000, 2),
      saturated_block_to_block_ms_p99: round(percentile(got, 99) * 1000, 2),
    });
  }
}

if (role === 'receiver') {
  const remote = new crappy.blocks.ClientServer({ port, topics: TOPIC });
  crappy.link(remote, new Counter(), { capacity: CAPACITY, whenFull: 'block' });
  await crappy.start({ logLevel: 'info' });
  printResult('remote-receiver', { ...readResult<object>('receiver'), bad_payloads: remote.stats.badPayloads });
} else if (role === 'sender') {
  const remote = new crappy.blocks.ClientServer({ port, cmdLabels: TOPIC });
  crappy.link(new Source(), remote, { capacity: CAPACITY, whenFull: 'block' });
  await crappy.start({ logLevel: 'warning' });
  if (crappy.isMainThread) writeSync(1, `${JSON.stringify({ sent: remote.stats.sentRows, messages: remote.stats.sentMessages, dropped: remote.stats.droppedRows })}\n`);
}
