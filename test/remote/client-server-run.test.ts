/**
 * Full runs of the ClientServer Block (crappy/blocks/client_server.py has no
 * tests in the original): rows cross a broker, the embedded one or a real
 * Mosquitto, intact and in order; an unreachable broker fails the run before
 * it starts; a broker lost during the run is reached again, what was sent
 * meanwhile counted as dropped or queued; bad payloads are dropped and
 * counted while the run goes on.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectAsync } from 'mqtt';
import { dump, events, mainEvent, type Marker } from '../helpers/markers.js';
import { freePort, MOSQUITTO, startMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { skipWithout } from '../helpers/required-tool.js';
import { runScript, type ScriptResult } from '../helpers/run-script.js';

const ROWS = 300;

/** Checks that every row 1..ROWS arrived once, in order, with its values intact. */
function checkRows(run: ScriptResult): void {
  expect(run.code, dump(run)).toBe(0);
  const [{ rows }] = events(run, 'rows') as Array<Marker & { rows: Array<Record<string, unknown>> }>;
  expect(rows!.map((row) => row.count)).toEqual(Array.from({ length: ROWS }, (_, k) => k + 1));
  for (const row of rows!) {
    const n = row.count as number;
    expect(row.tag).toBe(`row ${n}`);
    expect(row.samples).toEqual([n, -n]);
  }
  // One run, one t0: the sender's t(s) arrives unchanged, and grows.
  const times = rows!.map((row) => row['t(s)'] as number);
  expect(times.every((t, k) => t >= 0 && (k === 0 || t >= times[k - 1]!))).toBe(true);
  const { sender, receiver } = mainEvent(run, 'stats') as Marker & Record<'sender' | 'receiver', Record<string, number>>;
  expect(sender!.sentRows).toBe(ROWS);
  expect(sender!.droppedRows).toBe(0);
  expect(receiver!.receivedRows).toBe(ROWS);
  expect(receiver!.badPayloads).toBe(0);
}

describe('ClientServer through the embedded broker', () => {
  it('carries every row, in order, between two Blocks of a run', async () => {
    const run = await runScript('remote/loopback.ts', { env: { BROKER: 'embedded', ROWS: String(ROWS) } });
    checkRows(run);
    expect(run.stdout).toMatch(/MQTT broker \(aedes\) listening on 127\.0\.0\.1:\d+/);
  });

  it('fails before the test starts when its port is taken', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const run = await runScript('remote/loopback.ts', { env: { BROKER: 'embedded', BROKER_PORT: String(port) } });
      expect(run.code, dump(run)).not.toBe(0);
      expect(run.stdout + run.stderr).toContain(`cannot start the MQTT broker on 127.0.0.1:${port}: the port is in use`);
      expect(run.stdout).not.toContain('starting the test');
    } finally {
      holder.close();
    }
  });
});

describe('ClientServer peers', () => {
  it('reports a peer that ends its run, and goes on by default (onPeerLost: continue)', async () => {
    const env = { MQTT_PORT: String(await freePort()) };
    const [stays, leaves] = await Promise.all([
      runScript('remote/peer-leaves.ts', { env: { ...env, ROLE: 'stays' } }),
      runScript('remote/peer-leaves.ts', { env: { ...env, ROLE: 'leaves' } }),
    ]);
    expect(leaves.code, dump(leaves)).toBe(0);
    expect(stays.code, dump(stays)).toBe(0);
    expect(stays.stdout).toMatch(/ClientServer-1 INFO +Peer online: .* crappy\.ClientServer-1/);
    expect(stays.stderr).toMatch(/ClientServer-1 WARNING +Peer left \(its run ended\): .* crappy\.ClientServer-1; going on \(onPeerLost: continue\)/);
    // It went on: its Collect ended the run itself, 1.5 s after the last row.
    const [{ rows, lastRow, end }] = events(stays, 'end') as Array<Marker & Record<'rows' | 'lastRow' | 'end', number>>;
    expect(rows).toBeGreaterThan(10);
    expect(end! - lastRow!).toBeGreaterThan(1.5);
  });
});

describe('ClientServer without a broker', () => {
  it('fails before the test starts, naming the address, when no broker answers', async () => {
    const port = await freePort();
    const run = await runScript('remote/loopback.ts', { env: { MQTT_PORT: String(port), CONNECT_TIMEOUT: '1' } });
    expect(run.code, dump(run)).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(`cannot reach the MQTT broker at mqtt://127.0.0.1:${port} within 1 s (connectTimeout)`);
    expect(run.stdout).not.toContain('starting the test');
  });

  it('stops waiting for the broker on Ctrl+C, without waiting for connectTimeout', async () => {
    const port = await freePort();
    let interrupted = false;
    let stdout = '';
    // Both ClientServers try to connect, again and again, for up to 600 s: a Ctrl+C ends that.
    const run = await runScript('remote/loopback.ts', {
      env: { MQTT_PORT: String(port), CONNECT_TIMEOUT: '600' },
      onStdout: (chunk, child) => {
        stdout += chunk;
        if (interrupted || (stdout.match(/Connecting to the MQTT broker/g) ?? []).length < 2) return;
        interrupted = true;
        child.kill('SIGINT');
      },
    });
    expect(interrupted).toBe(true);
    expect(run.stderr).toContain('Ctrl+C: stopping the run');
    expect(run.stderr).toMatch(/KeyboardInterrupt/);
    expect(run.stdout + run.stderr).not.toContain('cannot reach the MQTT broker');
  });
});

describe.skipIf(skipWithout(MOSQUITTO !== null))('ClientServer through Mosquitto', () => {
  let mosquitto: Mosquitto | null = null;
  afterEach(async () => {
    await mosquitto?.stop();
    mosquitto = null;
  });

  it('carries every row, in order, between two Blocks of a run', async () => {
    mosquitto = await startMosquitto();
    checkRows(await runScript('remote/loopback.ts', { env: { MQTT_PORT: String(mosquitto.port), ROWS: String(ROWS) } }));
  });

  /**
   * Runs outage.ts on Mosquitto, stops the broker once rows flow, starts it
   * again on the same port once the sender noticed, and ends the run (SIGINT)
   * once 40 more rows came through.
   */
  async function outage(whileDisconnected: 'drop' | 'queue'): Promise<ScriptResult> {
    mosquitto = await startMosquitto();
    const port = mosquitto.port;
    let phase: 'flowing' | 'down' | 'back' | 'done' = 'flowing';
    let rowsBack = 0;
    return runScript('remote/outage.ts', {
      env: { MQTT_PORT: String(port), WHILE_DISCONNECTED: whileDisconnected },
      timeoutMs: 90_000,
      onStderr: (chunk) => {
        if (phase === 'down' && chunk.includes('Lost the MQTT broker')) {
          phase = 'back';
          void startMosquitto(port).then((started) => (mosquitto = started));
        }
      },
      onStdout: (chunk, child) => {
        if (phase === 'flowing' && chunk.includes('"event":"received"')) {
          phase = 'down';
          void mosquitto!.stop();
        } else if (phase === 'back' && chunk.includes('"event":"received"')) {
          rowsBack += (chunk.match(/"event":"received"/g) ?? []).length;
          if (rowsBack >= 2) {
            phase = 'done';
            child.kill('SIGINT');
          }
        }
      },
    });
  }

  it('reaches a lost broker again, counting what it could not send', { timeout: 120_000 }, async () => {
    const run = await outage('drop');
    expect(run.code, dump(run)).toBe(0);
    expect(run.stderr).toMatch(/crappy\.ClientServer-1 WARNING +Lost the MQTT broker at mqtt:\/\/127\.0\.0\.1:\d+; trying again/);
    expect(run.stderr).toMatch(/crappy\.ClientServer-1 WARNING +Reached the MQTT broker at mqtt:\/\/127\.0\.0\.1:\d+ again/);
    const { sender, receiver } = mainEvent(run, 'stats') as Marker & Record<'sender' | 'receiver', Record<string, number>>;
    const [{ sent }] = events(run, 'source') as Array<Marker & { sent: number }>;
    const [{ counts }] = events(run, 'counts') as Array<Marker & { counts: number[] }>;
    expect(sender!.reconnections).toBe(1);
    expect(receiver!.reconnections).toBe(1);
    expect(sender!.droppedRows).toBeGreaterThan(0);
    // Nothing vanishes unseen: every row the Source made was published or counted as dropped.
    expect(sender!.sentRows + sender!.droppedRows).toBe(sent);
    // What came through came in order, with a gap where the broker was down.
    expect(counts!.every((n, k) => k === 0 || n > counts![k - 1]!)).toBe(true);
    expect(counts!.some((n, k) => k > 0 && n - counts![k - 1]! > 1)).toBe(true);
    expect(run.stderr).toMatch(/crappy\.ClientServer-1 WARNING +Sent \d+ rows in \d+ messages, received 0 rows; [1-9]\d* rows dropped while disconnected/);
  });

  it('queues what it sends while the broker is down, with whileDisconnected: queue', { timeout: 120_000 }, async () => {
    const run = await outage('queue');
    expect(run.code, dump(run)).toBe(0);
    const { sender } = mainEvent(run, 'stats') as Marker & Record<'sender', Record<string, number>>;
    const [{ sent }] = events(run, 'source') as Array<Marker & { sent: number }>;
    expect(sender!.reconnections).toBe(1);
    expect(sender!.droppedRows).toBe(0);
    expect(sender!.sentRows).toBe(sent);
    expect(run.stderr).toMatch(/ClientServer-1 WARNING +Reached the MQTT broker at mqtt:\/\/127\.0\.0\.1:\d+ again; [1-9]\d* queued messages to send/);
  });

  it('drops and counts bad payloads, goes on, and shifts a sender\'s t(s) to its own t0', async () => {
    mosquitto = await startMosquitto();
    const port = mosquitto.port;
    const senderT0 = Date.now() / 1000 - 100;
    const publisher = await connectAsync({ host: '127.0.0.1', port });
    try {
      const run = await runScript('remote/receiver.ts', {
        env: { MQTT_PORT: String(port) },
        onStdout: (chunk) => {
          if (!chunk.includes('starting the test')) return;
          void (async () => {
            await publisher.publishAsync('crappy/t(s),F(N)', 'not json {');
            await publisher.publishAsync('crappy/t(s),F(N)', JSON.stringify({ t0: senderT0, data: { 't(s)': [1], 'X(N)': [2] } }));
            await publisher.publishAsync('crappy/t(s),F(N)', JSON.stringify({ t0: senderT0, data: { 't(s)': [1, 2], 'F(N)': [3] } }));
            await publisher.publishAsync('crappy/t(s),F(N)', JSON.stringify({ t0: senderT0, time: 't(s)', data: { 't(s)': [100.25, 100.5], 'F(N)': [7, 8] } }));
            await publisher.publishAsync('crappy/cmd', JSON.stringify({ t0: senderT0, data: { cmd: ['end'] } }));
          })();
        },
      });
      expect(run.code, dump(run)).toBe(0);
      const [{ rows, t0 }] = events(run, 'rows') as Array<Marker & { rows: Array<Record<string, unknown>>; t0: number }>;
      expect(rows!.map((row) => [row['F(N)'], row.cmd])).toEqual([[7, 'idle'], [8, 'idle'], [8, 'end']]);
      expect(rows![0]!['t(s)']).toBeCloseTo(100.25 + senderT0 - t0!, 6);
      expect(rows![1]!['t(s)']).toBeCloseTo(100.5 + senderT0 - t0!, 6);
      const { receiver } = mainEvent(run, 'stats') as Marker & Record<'receiver', Record<string, number>>;
      expect(receiver!.badPayloads).toBe(3);
      expect(receiver!.receivedRows).toBe(3);
      expect(run.stderr).toMatch(/WARNING +Dropped a message on crappy\/t\(s\),F\(N\): not valid JSON/);
    } finally {
      await publisher.endAsync();
    }
  });
});
