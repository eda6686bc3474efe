// The I2C and GPIO drivers against their simulators, through the hub (fake
// I2C bus and fake GPIO chip): the registers written are those of the
// original's drivers (crappy/inout/ads1115.py, gpio_switch.py), the values
// returned are its conversions.
import { describe, expect, it } from 'vitest';
import {
  ADS1115,
  ADS1115Simulator,
  DCMotorHat,
  DCMotorHatSimulator,
  FakeGpioChip,
  GPIOSwitch,
  MCP9600,
  MCP9600Simulator,
  MPRLS,
  MPRLSSimulator,
  NAU7802,
  NAU7802Simulator,
  PiJuice,
  PiJuiceSimulator,
} from '@crappy/hardware';
import { closeHubsAfterEach, startHub } from '../helpers/hub-in-process.js';

closeHubsAfterEach();

describe('ADS1115', () => {
  it('configures the ADC as the original and converts counts to volts, gain and offset applied', async () => {
    const volts = [1.0, -0.5, 3.0];
    const adc = new ADS1115Simulator(0x48, (input, n) => (input === 'A2' ? volts[n]! : 99));
    startHub({ i2c: { simulate: { 1: [adc] } } });
    const ads = new ADS1115({ multiplexer: 'A2', vRange: 2.048, sampleRate: 860, gain: 2, offset: 0.1 });
    await ads.open();
    // A2 (0x6000) | ±2.048 V (0x0400) | single shot (0x0100) | 860 SPS (0x00E0) | comparator off (0x0003)
    expect(adc.registers[1]).toBe(0x65e3);
    const outputs = [];
    for (let i = 0; i < 3; i++) outputs.push((await ads.getData())[1]);
    // counts = round(v / 2.048 * 32768), saturated at 32767; volts = counts * 2.048 / 32768
    const expected = [16000, -8000, 32767].map((counts) => 0.1 + 2 * ((counts * 2.048) / 32768));
    outputs.forEach((output, i) => expect(output).toBeCloseTo(expected[i]!, 12));
    expect(adc.conversions).toBe(3);
    await ads.close();
  });

  it('reads the end of conversion on the dry pin when given one', async () => {
    const chip = new FakeGpioChip();
    const adc = new ADS1115Simulator(0x49, () => 0.25);
    startHub({ i2c: { simulate: { 1: [adc] } }, gpio: { simulate: chip } });
    const ads = new ADS1115({ deviceAddress: 0x49, dryPin: 17, multiplexer: 'A0 - A1' });
    await ads.open();
    expect(adc.registers[1]).toBe(0x0580);
    expect([adc.registers[2], adc.registers[3]]).toEqual([0x0000, 0xffff]);
    expect(chip.isExported(17)).toBe(true);
    expect((await ads.getData())[1]).toBeCloseTo(0.25, 4);
    await ads.close();
    expect(chip.isExported(17)).toBe(false);
  });

  it('names the bus and the address where no ADS1115 answers', async () => {
    startHub({ i2c: { simulate: { 1: [new ADS1115Simulator(0x48)] } } });
    const ads = new ADS1115({ deviceAddress: 0x4a });
    await expect(ads.open()).rejects.toThrow(/^ADS1115: no ADS1115 answers at address 0x4a on I2C bus 1: I2C bus 1, device 0x4a: receiveByte\(\) failed: EREMOTEIO/);
    await ads.close();
  });

  it('checks its options', () => {
    expect(() => new ADS1115({ sampleRate: 100 })).toThrow('ADS1115: sampleRate must be one of 8, 16, 32, 64, 128, 250, 475, 860, got 100');
    expect(() => new ADS1115({ vRange: 5 })).toThrow('ADS1115: vRange must be one of 0.256, 0.512, 1.024, 2.048, 4.096, 6.144, got 5');
    expect(() => new ADS1115({ backend: 'blinka' as 'Pi4' })).toThrow(`ADS1115: backend must be one of 'Pi4', got "blinka"`);
  });
});

describe('MCP9600', () => {
  it('configures the chip as the original, converts temperatures and the raw ADC, shuts down at close', async () => {
    const readings = [
      { hot: 123.4375, cold: 21.5, volts: 5.02e-3 },
      { hot: -40.25, cold: 19.0625, volts: -1.6e-3 },
    ];
    const chip = new MCP9600Simulator(0x67, (n) => readings[n % 2]!);
    startHub({ i2c: { simulate: { 1: [chip] } } });
    const hot = new MCP9600({ thermocoupleType: 'K', filterCoefficient: 3, adcResolution: 16, sensorResolution: 0.25 });
    await hot.open();
    expect(chip.config.get(0x05)).toBe(0x13); // filter 3 | type K (0x10)
    expect(chip.config.get(0x06)).toBe(0xa0); // 0.25 °C (0x80) | 16 bits (0x20) | normal mode
    expect((await hot.getData())[1]).toBe(123.4375);
    expect((await hot.getData())[1]).toBe(-40.25);
    await hot.close();
    expect(chip.config.get(0x06)).toBe(0xa1); // shutdown mode
  });

  it('reads the cold junction, the delta and the raw ADC in volts', async () => {
    const chip = new MCP9600Simulator(0x67, () => ({ hot: 30, cold: 20.5, volts: -1.6e-3 }));
    startHub({ i2c: { simulate: { 1: [chip] } } });
    const values: number[] = [];
    for (const mode of ['Cold Junction Temperature', 'Junction Temperature Delta', 'Raw Data ADC'] as const) {
      const mcp = new MCP9600({ thermocoupleType: 'J', mode });
      await mcp.open();
      values.push((await mcp.getData())[1]);
      await mcp.close();
    }
    expect(values[0]).toBe(20.5);
    expect(values[1]).toBe(9.5);
    expect(values[2]).toBeCloseTo(-1.6e-3, 9);
  });

  it('fails when the input range is exceeded, and checks its options', async () => {
    const chip = new MCP9600Simulator();
    startHub({ i2c: { simulate: { 1: [chip] } } });
    const mcp = new MCP9600({ thermocoupleType: 'T' });
    await mcp.open();
    chip.rangeExceeded = true;
    await expect(mcp.getData()).rejects.toThrow('MCP9600 at 0x67 on I2C bus 1: too hot for the type T thermocouple (input range exceeded)');
    await mcp.close();
    expect(() => new MCP9600({ thermocoupleType: 'Z' as 'K' })).toThrow('MCP9600: thermocoupleType must be one of J, K, T, N, S, E, B, R, got "Z"');
    expect(() => new MCP9600({ thermocoupleType: 'K', adcResolution: 10 })).toThrow('MCP9600: adcResolution must be one of 18, 16, 14, 12, got 10');
  });
});

describe('MPRLS', () => {
  it('measures, waits for the busy bit, converts the counts to hPa as the original', async () => {
    const pressures = [1013.25, 0, 25 * 68.947572932];
    const sensor = new MPRLSSimulator(0x18, (n) => pressures[n]!);
    startHub({ i2c: { simulate: { 1: [sensor] } } });
    const mprls = new MPRLS();
    await mprls.open();
    const values = [];
    for (let i = 0; i < 3; i++) values.push((await mprls.getData())[1]);
    // The simulator rounds to whole counts: 25 psi spans 0xE66666 - 0x19999A counts, 1 count = 1.3e-4 hPa.
    values.forEach((value, i) => expect(value).toBeCloseTo(pressures[i]!, 3));
    expect(sensor.measurements).toBe(3);
    sensor.memoryError = true;
    await expect(mprls.getData()).rejects.toThrow('MPRLS at 0x18 on I2C bus 1: the sensor reports a memory error');
    await mprls.close();
  });

  it('waits on the EOC line when given one', async () => {
    const chip = new FakeGpioChip();
    chip.drive(24, 1);
    startHub({ i2c: { simulate: { 1: [new MPRLSSimulator(0x18, () => 500)] } }, gpio: { simulate: chip } });
    const mprls = new MPRLS({ eocPin: 24 });
    await mprls.open();
    expect((await mprls.getData())[1]).toBeCloseTo(500, 3);
    await mprls.close();
    expect(chip.isExported(24)).toBe(false);
  });
});

describe('NAU7802', () => {
  it('powers up, configures, calibrates, and converts counts as the original', async () => {
    const volts = [0.01, -0.004, 0.5];
    const adc = new NAU7802Simulator(0x2a, (n) => volts[n]!);
    startHub({ i2c: { simulate: { 1: [adc] } } });
    const nau = new NAU7802({ gainHardware: 64, sampleRate: 320, gain: 1000, offset: -1 });
    await nau.open();
    expect(adc.registers[0x01]).toBe(0b110); // gain 64
    expect(adc.registers[0x02]! >> 4).toBe(0b111); // 320 SPS
    expect(adc.registers[0x15]).toBe(0x30);
    expect(adc.registers[0x1c]! & 0x80).toBe(0x80); // PGA output capacitor
    expect(adc.registers[0x00]! & 0b10001110).toBe(0b10001110); // AVDDS, PUR, PUA, PUD
    expect(adc.calibrations).toBe(1);
    const values = [];
    for (let i = 0; i < 3; i++) values.push((await nau.getData())[1]);
    // counts = round(v × 64 / 1.65 × 2^23), saturated at 2^23 − 1; output = 1000 × counts / 2^23 × 1.65 / 64 − 1
    const counts = volts.map((v) => Math.min(2 ** 23 - 1, Math.round(((v * 64) / 1.65) * 2 ** 23)));
    values.forEach((value, i) => expect(value).toBeCloseTo(-1 + (1000 * ((counts[i]! / 2 ** 23) * 1.65)) / 64, 9));
    await nau.close();
    expect(adc.registers[0x00]! & 0b110).toBe(0); // powered down
  });

  it('names the bus and address when no NAU7802 answers', async () => {
    startHub({ i2c: { simulate: { 1: [] } } });
    await expect(new NAU7802().open()).rejects.toThrow(/^NAU7802: no NAU7802 answers at address 0x2a on I2C bus 1: .*EREMOTEIO/);
  });
});

describe('DCMotorHat', () => {
  it('sets the PWM up as the original, drives each motor by [motor, volts], brakes them all at stop', async () => {
    const hat = new DCMotorHatSimulator();
    startHub({ i2c: { simulate: { 1: [hat] } } });
    const motors = new DCMotorHat();
    await motors.open();
    expect(hat.prescale).toBe(4); // int(25e6 / 4096 / 1600 + 0.5)
    expect(hat.registers[0x00]).toBe(0xa0);
    for (const motor of [1, 2, 3, 4]) expect(hat.motor(motor).enabled).toBe(true);
    await motors.setSpeed([1, 6]); // half of 12 V: duty (floor(0xFFFF × 0.5) + 1) >> 4 = 2048 of 4096
    expect(hat.motor(1).throttle).toBe(2048 / 4096);
    await motors.setSpeed([2, -3]); // a quarter, backwards: (16383 + 1) >> 4 = 1024
    expect(hat.motor(2).throttle).toBe(-1024 / 4096);
    await motors.setSpeed([3, 20]); // clamped: fully on
    expect(hat.motor(3).throttle).toBe(1);
    await motors.stop();
    for (const motor of [1, 2, 3, 4]) expect(hat.motor(motor)).toMatchObject({ braking: true, throttle: 0 });
    await expect(motors.setSpeed(6)).rejects.toThrow('DCMotorHat: the command must be [motor, volts], e.g. [1, 6], got 6');
    await expect(motors.setSpeed([5, 1])).rejects.toThrow('DCMotorHat: the motor must be 1, 2, 3 or 4, got 5');
    await motors.close();
  });
});

describe('PiJuice', () => {
  it('reads the HAT state with the original labels and conversions, checksums checked', async () => {
    const hat = new PiJuiceSimulator({ status: 0b11_01_01_00, chargeLevel: 64, batteryTemperature: -5, batteryVoltage: 3650, batteryCurrent: -420, ioVoltage: 5010, ioCurrent: 900 });
    startHub({ i2c: { simulate: { 1: [hat] } } });
    const pijuice = new PiJuice();
    await pijuice.open();
    const { 't(s)': t, ...state } = await pijuice.getData();
    expect(typeof t).toBe('number');
    expect(state).toEqual({
      battery_status: 'Charging_from_usb',
      USB_status: 'Bad',
      GPIO_status: 'Present',
      charge_level: 64,
      battery_temperature: -5,
      battery_voltage: 3650,
      battery_current: -420,
      GPIO_voltage: 5010,
      GPIO_current: 900,
    });
    hat.corrupt = true;
    await expect(pijuice.getData()).rejects.toThrow('PiJuice at 0x14 on I2C bus 1: bad checksum in the answer to command 0x40');
    await pijuice.close();
  });
});

describe('GPIOSwitch', () => {
  it('drives its line from the commands and releases it at close', async () => {
    const chip = new FakeGpioChip();
    startHub({ gpio: { simulate: chip } });
    const relay = new GPIOSwitch({ pinOut: 22 });
    await relay.open();
    await relay.setCmd(1);
    await relay.setCmd(0);
    await relay.setCmd(1);
    expect(chip.writes(22)).toEqual([1, 0, 1]);
    await expect(relay.setCmd(2)).rejects.toThrow('GPIOSwitch on GPIO 22: the command must be 0 or 1, got 2');
    await relay.close();
    expect(chip.isExported(22)).toBe(false);
  });

  it('says which Block holds a line already exported', async () => {
    startHub({ gpio: { simulate: new FakeGpioChip() } });
    const first = new GPIOSwitch({ pinOut: 5 });
    await first.open();
    await expect(new GPIOSwitch({ pinOut: 5 }).open()).rejects.toThrow('GPIOSwitch: cannot use GPIO 5: GPIO 5 is already exported by Block IOBlock');
    expect(() => new GPIOSwitch({ pinOut: 40 })).toThrow('GPIOSwitch: pinOut must be an integer >= 2 <= 27');
  });
});
