// The serial drivers against their simulators, through the hub (serialport's
// mock binding): the commands each sends are those of the original's driver
// (crappy/inout/*.py, crappy/actuator/*.py), and the values it returns are
// the original's conversions of what the instrument answered.
import { afterEach, describe, expect, it } from 'vitest';
import {
  Agilent34420A,
  Agilent34420ASimulator,
  connectInProcess,
  HardwareHub,
  OpsensHandySens,
  OpsensHandySensSimulator,
  OrientalARDK,
  OrientalARDKSimulator,
  SagerSG_GS1700,
  SagerSG_GS1700Simulator,
  SchneiderMDrive23,
  SchneiderMDrive23Simulator,
  type SerialDeviceModel,
} from '../../packages/hardware/src/index.js';

const PORT = '/dev/ttySIM0';
let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function simulate(model: SerialDeviceModel): void {
  const hub = new HardwareHub({ serial: { simulate: { [PORT]: model } } });
  const disconnect = connectInProcess(hub, 'IOBlock');
  cleanups.push(() => hub.close(), disconnect);
}

describe('Agilent34420A', () => {
  it('sets the meter up as the original does and reads its values', async () => {
    const meter = new Agilent34420ASimulator((n) => [1.5e-3, -2.25, 1234.5][n]!);
    simulate(meter);
    const dmm = new Agilent34420A({ mode: 'RES', device: PORT });
    await dmm.open();
    expect(meter.commands).toEqual(['*RST', '*CLS', '*OPC?', 'SENS:FUNC "RES"', 'SENS:RES:NPLC 2', 'SYST:REM']);
    const values = [];
    for (let i = 0; i < 3; i++) values.push((await dmm.getData())[1]);
    expect(values).toEqual([1.5e-3, -2.25, 1234.5]);
    await dmm.close();
  });

  it('fails with the port and the device named when the meter stops answering', async () => {
    const meter = new Agilent34420ASimulator();
    simulate(meter);
    const dmm = new Agilent34420A({ device: PORT, timeout: 0.2 });
    await dmm.open();
    expect((await dmm.getData())[1]).toBe(0);
    meter.silent = true;
    await expect(dmm.getData()).rejects.toThrow(`Agilent34420A on ${PORT}: the device did not answer in time: expected an answer ending with "\\n" within 200 ms, got 0 bytes`);
    await dmm.close();
    await expect(new Agilent34420A({ device: '/dev/ttyNONE' }).open()).rejects.toThrow('Agilent34420A: cannot open serial port /dev/ttyNONE');
  });

  it('checks its options', () => {
    expect(() => new Agilent34420A({ mode: 'AMP' as 'VOLT' })).toThrow(`Agilent34420A: mode must be one of 'VOLT', 'RES', got "AMP"`);
    expect(() => new Agilent34420A({ baudrate: 0 })).toThrow('Agilent34420A: baudrate must be an integer >= 1');
  });
});

describe('OpsensHandySens', () => {
  it('reads channel 1, dropping the character before EOT as the original does', async () => {
    const sensor = new OpsensHandySensSimulator((n) => 21.5 + n);
    simulate(sensor);
    const opsens = new OpsensHandySens({ device: PORT });
    await opsens.open();
    expect((await opsens.getData())[1]).toBe(21.5);
    expect((await opsens.getData())[1]).toBe(22.5);
    expect(sensor.commands).toEqual(['meas:rate min', 'ch1:data? 1', 'ch1:data? 1']);
    await opsens.close();
  });
});

describe('SagerSG_GS1700', () => {
  it('holds, reads PV and SV in °C, sets the set value, stops the program at close', async () => {
    const furnace = new SagerSG_GS1700Simulator(0x0a, 25);
    simulate(furnace);
    const sager = new SagerSG_GS1700({ port: PORT });
    await sager.open();
    expect(furnace.params.get(0x15)).toBe(5);
    const [, pv, sv] = await sager.getData();
    expect([pv, sv]).toEqual([25, 25]);
    await sager.setCmd(25.35);
    expect(furnace.sv).toBe(254);
    const [, pv2, sv2] = await sager.getData();
    expect([pv2, sv2]).toEqual([25.2, 25.4]);
    await sager.close();
    expect(furnace.params.get(12)).toBe(10);
  });

  it('refuses a corrupted answer (bad checksum), naming the port', async () => {
    const furnace = new SagerSG_GS1700Simulator();
    simulate(furnace);
    const sager = new SagerSG_GS1700({ port: PORT });
    await sager.open();
    furnace.corrupt = true;
    await expect(sager.getData()).rejects.toThrow(`SagerSG_GS1700 on ${PORT}: corrupted answer (bad checksum) from address 10`);
    furnace.corrupt = false;
    await sager.close();
  });

  it('times out on a controller at another address, which never answers', async () => {
    simulate(new SagerSG_GS1700Simulator(0x01));
    const sager = new SagerSG_GS1700({ port: PORT, timeout: 0.2 });
    const silence = `SagerSG_GS1700 on ${PORT}: the device did not answer in time: expected 10 bytes within 200 ms, got 0 bytes`;
    await expect(sager.open()).rejects.toThrow(silence);
    // Closing still tries to stop the program, says it could not, and releases the port.
    await expect(sager.close()).rejects.toThrow(silence);
    const again = new SagerSG_GS1700({ port: PORT, timeout: 0.2 });
    await expect(again.open()).rejects.toThrow(silence);
  });

  it('needs a port', () => {
    expect(() => new SagerSG_GS1700({} as { port: string })).toThrow('SagerSG_GS1700: port must be a non-empty string, got undefined');
  });
});

describe('OrientalARDK', () => {
  it('finds its axis, moves in speed with the original gain, stops with SSTOP', async () => {
    const motor = new OrientalARDKSimulator(2);
    simulate(motor);
    const ardk = new OrientalARDK({ port: PORT, timeout: 0.4 });
    await ardk.open();
    expect(motor.commands.slice(0, 2)).toEqual(['TALK1', 'TALK2']);
    expect(motor.commands.slice(2)).toEqual(['ALMCLR', 'TA .1', 'TD .1']);
    await ardk.setSpeed(0.5); // round(0.5 / 0.07) = 7
    await ardk.setSpeed(0.5); // same speed: nothing sent
    await ardk.setSpeed(-0.2); // reversing: stop first; round(0.2 / 0.07) = 3
    await ardk.setSpeed(100); // reversing again; capped at 100
    expect(motor.commands.slice(5)).toEqual(['VR 7', 'MCP', 'SSTOP', 'VR 3', 'MCN', 'SSTOP', 'VR 100', 'MCP']);
    await ardk.setPosition(12.5, 4);
    expect(await ardk.getPosition()).toBe(12.5);
    await ardk.stop();
    expect(motor.speed).toBe(0);
    expect(motor.commands.at(-1)).toBe('SSTOP');
    await ardk.close();
  });

  it('fails clearly when no axis answers', async () => {
    simulate(new OrientalARDKSimulator(7));
    const ardk = new OrientalARDK({ port: PORT, timeout: 0.2 });
    await expect(ardk.open()).rejects.toThrow(`OrientalARDK on ${PORT}: no axis answered TALK1 to TALK4`);
    await ardk.close();
  });
});

describe('SchneiderMDrive23', () => {
  it('slews, moves and reads its position with MCode', async () => {
    const motor = new SchneiderMDrive23Simulator();
    simulate(motor);
    const mdrive = new SchneiderMDrive23({ port: PORT });
    await mdrive.open();
    await mdrive.setPosition(250.7, null);
    expect(await mdrive.getPosition()).toBe(250);
    await mdrive.setSpeed(-12.9);
    await mdrive.stop();
    expect(motor.commands).toEqual(['MR 250', 'PR P', 'SL -12', 'SL 0']);
    expect(motor.speed).toBe(0);
    await expect(mdrive.setSpeed(2e6)).rejects.toThrow(`SchneiderMDrive23 on ${PORT}: the speed must be below 1e6 in absolute value, got 2000000`);
    await mdrive.close();
  });
});
