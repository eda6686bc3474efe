// The hub's I2C, GPIO and SPI services through their proxies, on simulated
// devices: values cross both ways, errors name the bus, the device or the
// line, and the hub releases everything when it closes.
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectInProcess,
  FakeGpioChip,
  GpioProxy,
  HardwareHub,
  I2cBusProxy,
  RegisterDeviceModel,
  SpiDeviceProxy,
  type HardwareOptions,
  type SpiDeviceModel,
} from '@crappy/hardware';

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function startHub(options: HardwareOptions): HardwareHub {
  const hub = new HardwareHub(options);
  const disconnect = connectInProcess(hub, 'TestBlock');
  cleanups.push(() => hub.close(), disconnect);
  return hub;
}

describe('I2C service', () => {
  it('reads and writes the registers of a simulated device', async () => {
    const device = new RegisterDeviceModel(0x48);
    device.registers.set([0x12, 0x34, 0x56], 0x10);
    startHub({ i2c: { simulate: { 1: [device] } } });
    const bus = await I2cBusProxy.open(1);
    expect(await bus.readByte(0x48, 0x10)).toBe(0x12);
    expect(await bus.readWord(0x48, 0x10)).toBe(0x3412);
    const buffer = Buffer.alloc(3);
    expect(await bus.readI2cBlock(0x48, 0x10, 3, buffer)).toEqual({ bytesRead: 3, buffer: Buffer.from([0x12, 0x34, 0x56]) });
    await bus.writeByte(0x48, 0x20, 0xab);
    await bus.writeWord(0x48, 0x21, 0xcdef);
    await bus.writeI2cBlock(0x48, 0x30, 2, Buffer.from([1, 2, 9]));
    expect([...device.registers.subarray(0x20, 0x23)]).toEqual([0xab, 0xef, 0xcd]);
    expect([...device.registers.subarray(0x30, 0x33)]).toEqual([1, 2, 0]);
    await bus.i2cWrite(0x48, 1, Buffer.from([0x20]));
    const plain = Buffer.alloc(2);
    await bus.i2cRead(0x48, 2, plain);
    expect([...plain]).toEqual([0xab, 0xef]);
    expect(await bus.scan()).toEqual([0x48]);
    await bus.close();
  });

  it('names the bus and the address where no device answers', async () => {
    startHub({ i2c: { simulate: { 1: [new RegisterDeviceModel(0x48)] } } });
    const bus = await I2cBusProxy.open(1);
    await expect(bus.readByte(0x49, 0)).rejects.toThrow(/^I2C bus 1, device 0x49: readByte\(\) failed: EREMOTEIO/);
    await expect(I2cBusProxy.open(3)).rejects.toThrow('I2C bus 3 is not simulated (simulated buses: 1)');
  });

  it('shares one bus between users and makes their calls in order', async () => {
    const device = new RegisterDeviceModel(0x10);
    startHub({ i2c: { simulate: { 1: [device] } } });
    const [a, b] = await Promise.all([I2cBusProxy.open(1), I2cBusProxy.open(1)]);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) writes.push((i % 2 === 0 ? a : b).writeByte(0x10, 0x01, i));
    await Promise.all(writes);
    expect(device.registers[0x01]).toBe(49);
    await a.close();
    expect(await b.readByte(0x10, 0x01)).toBe(49);
  });
});

describe('GPIO service', () => {
  it('writes outputs and reports the edges of watched inputs as events', async () => {
    const chip = new FakeGpioChip();
    startHub({ gpio: { simulate: chip } });
    const led = await GpioProxy.open(17, 'out');
    await led.write(1);
    expect(chip.level(17)).toBe(1);
    await led.write(0);
    expect(chip.writes(17)).toEqual([1, 0]);
    const button = await GpioProxy.open(4, 'in', { edge: 'both' });
    const edges: number[] = [];
    const twoEdges = new Promise<void>((resolve) =>
      button.on('edge', (value) => {
        edges.push(value);
        if (edges.length === 2) resolve();
      }),
    );
    await button.watch();
    chip.drive(4, 1);
    chip.drive(4, 0);
    await twoEdges;
    expect(edges).toEqual([1, 0]);
    expect(await button.read()).toBe(0);
    await button.unexport();
    expect(chip.isExported(4)).toBe(false);
  });

  it('refuses a line exported already, naming the Block that holds it', async () => {
    startHub({ gpio: { simulate: new FakeGpioChip() } });
    await GpioProxy.open(17, 'out');
    await expect(GpioProxy.open(17, 'in')).rejects.toThrow('GPIO 17 is already exported by Block TestBlock');
    await expect(GpioProxy.open(99, 'in')).rejects.toThrow('GPIO 99 does not exist on the simulated chip');
  });

  it('unexports every line when the hub closes', async () => {
    const chip = new FakeGpioChip();
    const hub = startHub({ gpio: { simulate: chip } });
    await GpioProxy.open(5, 'high');
    expect(chip.isExported(5)).toBe(true);
    await hub.close();
    expect(chip.isExported(5)).toBe(false);
  });
});

describe('SPI service', () => {
  /** Answers each byte with its complement, one byte late (as a shift register would). */
  class Complement implements SpiDeviceModel {
    transfer(sent: Uint8Array): Uint8Array {
      return Uint8Array.from(sent, (_, i) => (i === 0 ? 0 : ~sent[i - 1]! & 0xff));
    }
  }

  it('makes full-duplex transfers with a simulated device', async () => {
    startHub({ spi: { simulate: { '0.0': new Complement() } } });
    const device = await SpiDeviceProxy.open(0, 0, { mode: 1, maxSpeedHz: 1_000_000 });
    expect([...(await device.exchange([0x0f, 0xf0, 0x00]))]).toEqual([0, 0xf0, 0x0f]);
    await expect(SpiDeviceProxy.open(0, 0)).rejects.toThrow('SPI device 0.0 is busy: already open by Block TestBlock');
    await expect(SpiDeviceProxy.open(0, 1)).rejects.toThrow('SPI device 0.1 is not simulated (simulated: 0.0)');
    await device.close();
  });
});
