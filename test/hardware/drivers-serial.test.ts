// The serial drivers against their simulators, through the hub (serialport's
// mock binding): the commands each sends are those of the original's driver
// (crappy/inout/*.py, crappy/actuator/*.py), and the values it returns are
// the original's conversions of what the instrument answered.
import { describe, expect, it, vi } from 'vitest';
import { jvlBytes, jvlCommand } from '../../packages/hardware/src/drivers/jvl-frames.js';
import {
  Agilent34420A,
  Agilent34420ASimulator,
  JVLMac140,
  JVLMac140Simulator,
  NewportTRA6PPD,
  NewportTRA6PPDSimulator,
  OpsensHandySens,
  OpsensHandySensSimulator,
  OrientalARDK,
  OrientalARDKSimulator,
  SagerSG_GS1700,
  SagerSG_GS1700Simulator,
  SchneiderMDrive23,
  SchneiderMDrive23Simulator,
  ServoStar300,
  ServoStar300Simulator,
  Sim868,
  Sim868Simulator,
  type SerialDeviceModel,
} from '@crappy/hardware';
import { closeHubsAfterEach, startHub } from '../helpers/hub-in-process.js';

const PORT = '/dev/ttySIM0';
closeHubsAfterEach();

function simulate(model: SerialDeviceModel): void {
  startHub({ serial: { simulate: { [PORT]: model } } });
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
    const dmm = new Agilent34420A({ device: PORT, timeout: 1 });
    await dmm.open();
    expect((await dmm.getData())[1]).toBe(0);
    meter.silent = true;
    await expect(dmm.getData()).rejects.toThrow(`Agilent34420A on ${PORT}: the device did not answer in time: expected an answer ending with "\\n" within 1000 ms, got 0 bytes`);
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
    const ardk = new OrientalARDK({ port: PORT, timeout: 1 });
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

describe('JVLMac140', () => {
  it('builds the original frames, byte for byte', () => {
    // The original's _make_cmd((2, 2, 0, 2), ('B', 'B', 'h', 'B'), True): the stop command.
    expect(Buffer.from(jvlCommand(2, 2, 0, 'h', true)).toString('hex')).toBe('525252ff0002fd02fd00ff00ffaaaa505050ff0002fdaaaa');
    expect(jvlBytes(-1, 'h')).toEqual([0xff, 0x00, 0xff, 0x00]);
    expect(jvlBytes(0x12345678, 'i')).toEqual([0x78, 0x87, 0x56, 0xa9, 0x34, 0xcb, 0x12, 0xed]);
  });

  it('converts speeds and positions as the original, reads the position, stops in passive mode', async () => {
    const motor = new JVLMac140Simulator();
    simulate(motor);
    const jvl = new JVLMac140({ port: PORT });
    await jvl.open();
    expect(motor.registers.get(35)).toBe(0);
    await jvl.setSpeed(10); // round(16*4096*10 / (520.8*60*5)) = round(4.1946) = 4
    expect(motor.registers.get(5)).toBe(4);
    expect(motor.registers.get(7)).toBe(1023);
    expect(motor.registers.get(6)).toBe(483); // round(16*4096*10000 / (520.8**2 * 5)) = round(483.26)
    expect(motor.modes).toEqual([1]);
    await jvl.setPosition(2.5, 5); // round(2.5*4096/5) = 2048 counts; round(2.0973) = 2
    expect(motor.registers.get(3)).toBe(2048);
    expect(motor.registers.get(5)).toBe(2);
    const position = await jvl.getPosition();
    expect(position).toBeCloseTo(Math.round(motor.positionNow()) * 5 / 4096, 2);
    await jvl.stop();
    expect(motor.modes).toEqual([1, 2, 0]);
    await expect(jvl.setPosition(1, null)).rejects.toThrow('JVLMac140: setPosition needs a speed');
    await jvl.close();
  });
});

describe('ServoStar300', () => {
  it('enables the drive in serial mode, moves with ORDER/MOVE, reads PFB, disables at stop', async () => {
    const drive = new ServoStar300Simulator();
    simulate(drive);
    const servo = new ServoStar300({ port: PORT });
    await servo.open();
    expect(drive.commands).toEqual(['ANCNFG 0', 'OPMODE 8', 'EN', 'MH']);
    await servo.setPosition(1234.9, null);
    await servo.setPosition(1234.9, null); // the same position is not sent again
    expect(drive.commands.slice(4)).toEqual(['ORDER 0 1234 20000 8192 200 200 0 0 0 0', 'MOVE 0']);
    expect(await servo.getPosition()).toBe(1234);
    await servo.setPosition(false, null);
    expect(drive.opmode).toBe(1);
    await servo.setPosition(10, 500);
    expect(drive.opmode).toBe(8);
    expect(drive.commands.slice(-2)).toEqual(['ORDER 0 10 500 8192 200 200 0 0 0 0', 'MOVE 0']);
    await servo.stop();
    expect(drive.enabled).toBe(false);
    await servo.close();
  });
});

describe('NewportTRA6PPD', () => {
  it('resets and homes, clamps the speed, ignores positions out of the stroke, stops', async () => {
    const stage = new NewportTRA6PPDSimulator();
    simulate(stage);
    const newport = new NewportTRA6PPD({ port: PORT, resetDelay: 0, homingDelay: 0 });
    const log = vi.fn();
    newport.logTo = log;
    await newport.open();
    expect(stage.homed).toBe(true);
    await newport.setPosition(4.25, 1);
    expect(stage.commands.slice(2)).toEqual(['1VA0.20000', '1PA4.25000']);
    expect(await newport.getPosition()).toBe(4.25);
    await newport.setPosition(7, 0.05);
    expect(stage.position).toBe(4.25);
    expect(log).toHaveBeenCalledWith(30, 'NewportTRA6PPD: the position 7 is out of [0, 6] mm: ignored');
    await newport.stop();
    expect(stage.commands.slice(-3)).toEqual(['1VA0.05000', 'ST', '1MMO']);
    await newport.close();
  });
});

describe('Sim868', () => {
  it('enters the PIN, waits for the network, and sends each message to each number', async () => {
    const modem = new Sim868Simulator('1234', 1);
    simulate(modem);
    const sim = new Sim868({ numbers: ['0611223344', '0699887766'], port: PORT, pinCode: '1234', registrationTimeout: 5 });
    await sim.open();
    await sim.setCmd('Sample broken', '');
    expect(modem.sent).toEqual([
      { number: '0611223344', text: 'Sample broken' },
      { number: '0699887766', text: 'Sample broken' },
    ]);
    await sim.close();
  });

  it('says which option is missing when the SIM needs a PIN', async () => {
    simulate(new Sim868Simulator('1234'));
    const sim = new Sim868({ numbers: ['0611223344'], port: PORT });
    await expect(sim.open()).rejects.toThrow(`Sim868 on ${PORT}: the SIM card needs a PIN code: give the pinCode option`);
    await sim.close();
  });

  it('fails on a wrong PIN with the ERROR named', async () => {
    simulate(new Sim868Simulator('1234'));
    const sim = new Sim868({ numbers: ['0611223344'], port: PORT, pinCode: '0000' });
    await expect(sim.open()).rejects.toThrow(`Sim868 on ${PORT}: the modem answered ERROR to AT+CPIN=0000`);
    await sim.close();
  });
});
