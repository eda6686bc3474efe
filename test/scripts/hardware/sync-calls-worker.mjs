// A thread using the hub's synchronous forms, as a Block's synchronous
// getData() would: it sleeps on its sync slot while the main thread's hub
// makes each call. Posts back what it read, or the error messages it got.
import { parentPort, workerData } from 'node:worker_threads';
import { connectPort, GpioProxy, I2cBusProxy, SpiDeviceProxy } from '@crappy/hardware';

connectPort(workerData.port, workerData.slot);
const result = {};
const bus = I2cBusProxy.openSync(1);
result.byte = bus.readByteSync(0x48, 0x10);
result.word = bus.readWordSync(0x48, 0x10);
bus.writeByteSync(0x48, 0x20, 0x5a);
const block = Buffer.alloc(3);
result.blockLength = bus.readI2cBlockSync(0x48, 0x10, 3, block);
result.block = [...block];
try {
  bus.readByteSync(0x50, 0);
} catch (error) {
  result.missing = error.message;
}
bus.closeSync();
const line = await GpioProxy.open(6, 'out');
line.writeSync(1);
result.gpio = line.readSync();
const spi = await SpiDeviceProxy.open(0, 0);
const message = { sendBuffer: Uint8Array.of(1, 2, 3), receiveBuffer: new Uint8Array(3), byteLength: 3 };
spi.transferSync([message]);
result.spi = [...message.receiveBuffer];
parentPort.postMessage(result);
workerData.port.close();
