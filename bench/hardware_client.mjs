/**
 * The worker side of the `hardware` scenario's round trips: a thread
 * connected to the scenario's hub (as a Block's worker is), timing proxied
 * calls. workerData: `{ port, slot, pty, rounds, warmup }`. Posts
 * `{ serial_us, i2c_sync_us, i2c_async_us }`, arrays of one time per round.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectPort, I2cBusProxy, SerialConnection } from '@crappy/hardware';

const { port, slot, pty, rounds, warmup } = workerData;
connectPort(port, slot);

const serial = await SerialConnection.open('bench', { path: pty, baudRate: 115200 });
const serialUs = [];
for (let i = 0; i < warmup + rounds; i++) {
  const start = process.hrtime.bigint();
  await serial.write('x');
  await serial.readBytes(1, 5000);
  if (i >= warmup) serialUs.push(Number(process.hrtime.bigint() - start) / 1000);
}
await serial.close();

const bus = await I2cBusProxy.open(1);
const syncUs = [];
const asyncUs = [];
for (let i = 0; i < warmup + rounds; i++) {
  let start = process.hrtime.bigint();
  bus.readByteSync(0x48, 0x10);
  if (i >= warmup) syncUs.push(Number(process.hrtime.bigint() - start) / 1000);
  start = process.hrtime.bigint();
  await bus.readByte(0x48, 0x10);
  if (i >= warmup) asyncUs.push(Number(process.hrtime.bigint() - start) / 1000);
}
await bus.close();
parentPort.postMessage({ serial_us: serialUs, i2c_sync_us: syncUs, i2c_async_us: asyncUs });
port.close();
