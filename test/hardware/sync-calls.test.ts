// The *Sync forms of the proxies, from a real worker thread: the thread
// sleeps on its SharedArrayBuffer slot while the hub, in this thread, makes
// the call; errors cross as errors.
import { MessageChannel, Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeGpioChip, HardwareHub, RegisterDeviceModel } from '@crappy/hardware';
import { SCRIPTS } from '../helpers/run-script.js';

describe('synchronous calls from a worker thread', () => {
  it('answer on the sync slot, values and errors', async () => {
    const device = new RegisterDeviceModel(0x48);
    device.registers.set([0x12, 0x34, 0x56], 0x10);
    const chip = new FakeGpioChip();
    const hub = new HardwareHub({
      i2c: { simulate: { 1: [device] } },
      gpio: { simulate: chip },
      spi: { simulate: { '0.0': { transfer: (sent: Uint8Array) => sent.map((byte) => byte * 2) } } },
    });
    const { port1, port2 } = new MessageChannel();
    const slot = hub.attachPort(port1, 'SyncBlock');
    const worker = new Worker(join(SCRIPTS, 'hardware', 'sync-calls-worker.mjs'), { workerData: { port: port2, slot }, transferList: [port2] });
    try {
      const result = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(result).toEqual({
        byte: 0x12,
        word: 0x3412,
        blockLength: 3,
        block: [0x12, 0x34, 0x56],
        missing: expect.stringMatching(/^I2C bus 1, device 0x50: readByte\(\) failed: EREMOTEIO/),
        gpio: 1,
        spi: [2, 4, 6],
      });
      expect(device.registers[0x20]).toBe(0x5a);
      expect(chip.writes(6)).toEqual([1]);
    } finally {
      await worker.terminate();
      port1.close();
      await hub.close();
    }
  });
});
