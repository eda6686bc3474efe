/**
 * hardware: what the hardware hub costs.
 * - Serial round trip on a pseudo-terminal pair (socat): write one byte,
 *   read the echo of a simulator on the far end. Direct: serialport's
 *   native binding in this (main) thread; proxied: a worker thread through
 *   the hub, as a Block does. 200 warm-up rounds, 2000 measured.
 * - I2C register read on the fake bus: direct, the fake bus called in this
 *   thread; proxied, `readByteSync` and `readByte` from a worker thread.
 * - An IOBlock at `freq: 1000` polling a simulated Agilent 34420A (mock
 *   binding, through the hub) for 3 s: its loops per second.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import * as crappy from 'crappy';
import { percentile, printResult, readResult, round, shareResult } from '../lib.js';

const { Agilent34420ASimulator, FakeI2cBus, HardwareHub, RegisterDeviceModel, servePty } = crappy.hardware;
type SerialDeviceModel = crappy.hardware.SerialDeviceModel;
const ROUNDS = 2000;
const WARMUP = 200;
const POLL_SECONDS = 3;

/** Echoes every byte back. */
const echo: SerialDeviceModel = { receive: (bytes, reply) => reply(bytes) };

const stats = (values: ArrayLike<number>, prefix: string): Record<string, number> => ({
  [`${prefix}_us_p50`]: round(percentile(values, 50)),
  [`${prefix}_us_p99`]: round(percentile(values, 99)),
});

/** A socat pty pair: the paths of its two ends and a function that stops it. */
async function ptyPair(): Promise<{ a: string; b: string; close(): void }> {
  const folder = mkdtempSync(join(tmpdir(), 'crappy-bench-pty-'));
  const [a, b] = [join(folder, 'a'), join(folder, 'b')];
  const child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  while (!(existsSync(a) && existsSync(b))) {
    if (child.exitCode !== null) throw new Error('socat did not start: install socat');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { a, b, close: () => (child.kill(), rmSync(folder, { recursive: true, force: true })) };
}

/** Serial round trips with serialport's binding in this thread. */
async function directSerial(path: string): Promise<number[]> {
  const { autoDetect } = createRequire(import.meta.url)('@serialport/bindings-cpp') as typeof import('@serialport/bindings-cpp');
  const port = await autoDetect().open({ path, baudRate: 115200 });
  const buffer = Buffer.alloc(16);
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const start = process.hrtime.bigint();
    await port.write(Buffer.from('x'));
    await port.read(buffer, 0, 16);
    if (i >= WARMUP) times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  await port.close();
  return times;
}

/** I2C reads on the fake bus, in this thread. */
async function directI2c(): Promise<number[]> {
  const bus = new FakeI2cBus(1, [new RegisterDeviceModel(0x48)]);
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const start = process.hrtime.bigint();
    await bus.readByte(0x48, 0x10);
    if (i >= WARMUP) times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return times;
}

/** The same calls from a worker thread through the hub. */
async function proxied(pty: string): Promise<{ serial_us: number[]; i2c_sync_us: number[]; i2c_async_us: number[] }> {
  const hub = new HardwareHub({ i2c: { simulate: { 1: [new RegisterDeviceModel(0x48)] } } });
  const { port1, port2 } = new MessageChannel();
  const slot = hub.attachPort(port1, 'bench');
  const worker = new Worker(new URL('../hardware_client.mjs', import.meta.url), { workerData: { port: port2, slot, pty, rounds: ROUNDS, warmup: WARMUP }, transferList: [port2] });
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
    port1.close();
    await hub.close();
  }
}

/** Counts the readings of the IOBlock. */
class Counter extends crappy.Block {
  private count = 0;
  private first = NaN;
  private last = NaN;
  override loop(): void {
    for (const message of this.recvAllDataRaw()) {
      const times = message['t(s)'] as number[] | undefined;
      for (const t of times ?? []) {
        if (Number.isNaN(this.first)) this.first = t;
        this.last = t;
        this.count += 1;
      }
    }
  }
  override finish(): void {
    shareResult('polling', { count: this.count, seconds: this.last - this.first });
  }
}

const POLLED = '/dev/ttyBENCH0';
const meter = new crappy.blocks.IOBlock('Agilent34420A', { labels: ['t(s)', 'U(V)'], device: POLLED, freq: 1000 });
const counter = new Counter();
counter.freq = 50;
crappy.link(meter, counter);
crappy.link(new crappy.blocks.Generator([{ type: 'Constant', value: 0, condition: `delay=${POLL_SECONDS}` }], { freq: 10 }), counter);

let round_trips: Record<string, number> = {};
if (crappy.isMainThread) {
  const pair = await ptyPair();
  const served = await servePty(pair.b, echo, 115200);
  try {
    const direct = await directSerial(pair.a);
    const directBus = await directI2c();
    const viaHub = await proxied(pair.a);
    round_trips = {
      ...stats(direct, 'serial_direct'),
      ...stats(viaHub.serial_us, 'serial_proxied'),
      ...stats(directBus, 'i2c_direct'),
      ...stats(viaHub.i2c_sync_us, 'i2c_sync_proxied'),
      ...stats(viaHub.i2c_async_us, 'i2c_async_proxied'),
    };
  } finally {
    await served.close();
    pair.close();
  }
}

await crappy.start({ logLevel: 'warning', hardware: { serial: { simulate: { [POLLED]: new Agilent34420ASimulator() } } } });

const polling = readResult<{ count: number; seconds: number }>('polling');
printResult('hardware', {
  ...round_trips,
  serial_overhead_us_p50: round(round_trips.serial_proxied_us_p50! - round_trips.serial_direct_us_p50!),
  i2c_sync_overhead_us_p50: round(round_trips.i2c_sync_proxied_us_p50! - round_trips.i2c_direct_us_p50!),
  ioblock_freq_1000_loops_per_s: round(polling.count / polling.seconds),
});
