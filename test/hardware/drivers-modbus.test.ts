// The Modbus drivers through the hub's Modbus service (modbus-serial in the
// main thread, RTU on a simulated serial port): the registers are those of
// the original's crappy/inout/eurotherm_EPC3008.py; a silent unit and a bad
// CRC fail with the port and the unit named.
import { describe, expect, it } from 'vitest';
import {
  EurothermEPC3008,
  EurothermEPC3008Simulator,
  FlowControllerAlicat,
  FlowControllerAlicatSimulator,
  KollmorgenAKDPDMM,
  KollmorgenAKDPDMMSimulator,
  ModbusClientProxy,
  ModbusRtuSimulator,
  type SerialDeviceModel,
} from '@crappy/hardware';
import { afterThisTest, closeHubsAfterEach, startHub } from '../helpers/hub-in-process.js';

const PORT = '/dev/ttyRS485';
closeHubsAfterEach();

function simulate(model: SerialDeviceModel): void {
  startHub({ serial: { simulate: { [PORT]: model } } });
}

describe('Modbus service', () => {
  it('reads and writes registers and coils of a simulated RTU unit', async () => {
    const unit = new ModbusRtuSimulator(7);
    unit.holding.set(100, 1234);
    unit.input.set(5, 0xbeef);
    simulate(unit);
    const modbus = await ModbusClientProxy.openRtu({ path: PORT, baudRate: 19200, timeoutMs: 1000 });
    expect(await modbus.readHoldingRegisters(7, 100, 2)).toEqual([1234, 0]);
    expect(await modbus.readInputRegisters(7, 5, 1)).toEqual([0xbeef]);
    await modbus.writeRegister(7, 101, 42);
    await modbus.writeRegisters(7, 200, [1, 2, 3]);
    await modbus.writeCoil(7, 3, true);
    expect([unit.holding.get(101), unit.holding.get(200), unit.holding.get(202), unit.coils.get(3)]).toEqual([42, 1, 3, true]);
    await modbus.close();
  });

  it('times out on a unit that does not answer, and refuses a bad CRC', async () => {
    const unit = new ModbusRtuSimulator(1);
    simulate(unit);
    const modbus = await ModbusClientProxy.openRtu({ path: PORT, baudRate: 9600, timeoutMs: 300 });
    await expect(modbus.readHoldingRegisters(2, 0, 1)).rejects.toThrow(`Modbus RTU on ${PORT}, unit 2: readHoldingRegisters() failed: Timed out`);
    unit.corrupt = true;
    await expect(modbus.readHoldingRegisters(1, 0, 1)).rejects.toThrow(new RegExp(`^Modbus RTU on ${PORT}, unit 1: readHoldingRegisters\\(\\) failed: .*CRC`));
    await modbus.close();
  });
});

describe('EurothermEPC3008', () => {
  it('reads PV and SP, writes the set point', async () => {
    const controller = new EurothermEPC3008Simulator(3, 25);
    simulate(controller);
    const epc = new EurothermEPC3008({ port: PORT, address: 3 });
    await epc.open();
    expect((await epc.getData()).slice(1)).toEqual([25, 25]);
    await epc.setCmd(180.7);
    expect(controller.holding.get(2)).toBe(180);
    expect((await epc.getData()).slice(1)).toEqual([26, 180]);
    await epc.close();
  });

  it('names the port it cannot open', async () => {
    simulate(new EurothermEPC3008Simulator());
    await expect(new EurothermEPC3008({ port: '/dev/ttyNONE' }).open()).rejects.toThrow(/^EurothermEPC3008: cannot open serial port \/dev\/ttyNONE for Modbus RTU: /);
    expect(() => new EurothermEPC3008({} as { port: string })).toThrow('EurothermEPC3008: port must be a non-empty string, got undefined');
  });
});

describe('FlowControllerAlicat', () => {
  it('reads its four float32 measures and writes the mass flow set point', async () => {
    const alicat = new FlowControllerAlicatSimulator(4, { pressure: 14.5, temperature: 21.25 });
    simulate(alicat);
    const controller = new FlowControllerAlicat({ port: PORT, address: 4 });
    await controller.open();
    expect((await controller.getData()).slice(1)).toEqual([14.5, 21.25, 0, 0]);
    await controller.setCmd(2.5);
    expect(alicat.setpoint).toBe(2.5);
    // Float32 values: 2.5 exactly, 2.75 (= 2.5 × 1.1 rounded to float32) within float32 precision.
    const [, , , volumetric, mass] = await controller.getData();
    expect(mass).toBe(2.5);
    expect(volumetric).toBeCloseTo(2.75, 6);
    await controller.close();
  });
});

describe('KollmorgenAKDPDMM (Modbus TCP)', () => {
  it('moves axes in position and reads where they are', async () => {
    const pdmm = new KollmorgenAKDPDMMSimulator();
    const port = await pdmm.start();
    afterThisTest(() => pdmm.close());
    startHub({});
    const akd = new KollmorgenAKDPDMM({ axes: [1, 2], host: '127.0.0.1', port });
    await akd.open();
    await akd.setCmd(12.5, -3.25);
    expect([pdmm.axis(1).position, pdmm.axis(2).position]).toEqual([12.5, -3.25]);
    expect([pdmm.coils.get(11), pdmm.coils.get(21)]).toEqual([true, true]);
    expect((await akd.getData()).slice(1)).toEqual([12.5, -3.25]);
    await akd.close();
  });

  it('drives axes in speed: |v| and the direction, and reads their speed', async () => {
    const pdmm = new KollmorgenAKDPDMMSimulator();
    const port = await pdmm.start();
    afterThisTest(() => pdmm.close());
    startHub({});
    const akd = new KollmorgenAKDPDMM({ axes: [3], mode: 'speed', host: '127.0.0.1', port });
    await akd.open();
    await akd.setCmd(-150.9);
    expect([pdmm.holding.get(34), pdmm.holding.get(38)]).toEqual([150, 1]);
    expect((await akd.getData())[1]).toBe(-150);
    await akd.close();
  });

  it('names the address it cannot reach', async () => {
    startHub({});
    const probe = new KollmorgenAKDPDMMSimulator();
    const port = await probe.start();
    await probe.close();
    await expect(new KollmorgenAKDPDMM({ axes: [1], host: '127.0.0.1', port }).open()).rejects.toThrow(`KollmorgenAKDPDMM: cannot connect to Modbus TCP 127.0.0.1:${port}`);
  });
});
