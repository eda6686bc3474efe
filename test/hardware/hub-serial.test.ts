// The hub's serial service, through the binding that Blocks use: a
// simulated instrument on serialport's mock binding, and one on a real
// pseudo-terminal pair made by socat. Faults: a port that does not exist,
// a busy port, a device that stops answering, the hub closed under a port.
import { afterEach, describe, expect, it } from 'vitest';
import { connectInProcess, HardwareHub, HubBinding, LineDeviceModel, SerialConnection, servePty } from '@crappy/hardware';
import { hasSocat, ptyPair } from '../helpers/pty-pair.js';
import { skipWithout } from '../helpers/required-tool.js';

/** Answers `*IDN?` with its name and `ECHO x` with `x`; says nothing to anything else. */
class TalkingModel extends LineDeviceModel {
  readonly lines: string[] = [];
  constructor() {
    super('\n');
  }
  protected answer(line: string): string | null {
    this.lines.push(line);
    if (line === '*IDN?') return 'SIMULATED,INSTRUMENT\n';
    if (line.startsWith('ECHO ')) return `${line.slice(5)}\n`;
    return null;
  }
}

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function startHub(options: ConstructorParameters<typeof HardwareHub>[0]): HardwareHub {
  const hub = new HardwareHub(options);
  const disconnect = connectInProcess(hub, 'TestBlock');
  cleanups.push(() => hub.close(), disconnect);
  return hub;
}

describe('serial service on the mock binding', () => {
  it('carries commands and answers between a driver and the simulated instrument', async () => {
    const model = new TalkingModel();
    startHub({ serial: { simulate: { '/dev/ttySIM0': model } } });
    const port = await SerialConnection.open('Tester', { path: '/dev/ttySIM0', baudRate: 9600 });
    expect(await port.query('*IDN?\n', '\n', 2000)).toBe('SIMULATED,INSTRUMENT');
    expect(await port.query('ECHO 12.5\n', '\n', 2000)).toBe('12.5');
    expect(model.lines).toEqual(['*IDN?', 'ECHO 12.5']);
    await port.close();
  });

  it('lists the simulated ports', async () => {
    startHub({ serial: { simulate: { '/dev/ttySIM0': new TalkingModel(), '/dev/ttySIM1': new TalkingModel() } } });
    expect((await HubBinding.list()).map((port) => port.path)).toEqual(['/dev/ttySIM0', '/dev/ttySIM1']);
  });

  it('names the device and the port that does not exist', async () => {
    startHub({ serial: { simulate: { '/dev/ttySIM0': new TalkingModel() } } });
    await expect(SerialConnection.open('Tester', { path: '/dev/ttyNOPE', baudRate: 9600 })).rejects.toThrow(/Tester: cannot open serial port \/dev\/ttyNOPE/);
  });

  it('refuses a port that a Block has open already', async () => {
    startHub({ serial: { simulate: { '/dev/ttySIM0': new TalkingModel() } } });
    const first = await SerialConnection.open('First', { path: '/dev/ttySIM0', baudRate: 9600 });
    await expect(SerialConnection.open('Second', { path: '/dev/ttySIM0', baudRate: 9600 })).rejects.toThrow(
      'Second: cannot open serial port /dev/ttySIM0: serial port /dev/ttySIM0 is busy: already open by Block TestBlock',
    );
    await first.close();
    const again = await SerialConnection.open('Second', { path: '/dev/ttySIM0', baudRate: 9600 });
    expect(await again.query('*IDN?\n', '\n', 2000)).toBe('SIMULATED,INSTRUMENT');
  });

  it('gives a timeout error, not a hang, when the device does not answer', async () => {
    startHub({ serial: { simulate: { '/dev/ttySIM0': new TalkingModel() } } });
    const port = await SerialConnection.open('Tester', { path: '/dev/ttySIM0', baudRate: 9600 });
    await expect(port.query('SILENCE\n', '\n', 200)).rejects.toThrow('Tester on /dev/ttySIM0: the device did not answer in time: expected an answer ending with "\\n" within 200 ms, got 0 bytes');
  });

  it('answers no call once closed, and releases the port', async () => {
    const hub = startHub({ serial: { simulate: { '/dev/ttySIM0': new TalkingModel() } } });
    const port = await SerialConnection.open('Tester', { path: '/dev/ttySIM0', baudRate: 9600 });
    await hub.close();
    await expect(port.write('*IDN?\n')).rejects.toThrow(/the hardware hub is closed/);
  });
});

describe.skipIf(skipWithout(hasSocat))('serial service on a pseudo-terminal pair', () => {
  it('talks to a simulator on the far end of a real tty', async () => {
    const pair = await ptyPair();
    cleanups.push(() => pair.close());
    const model = new TalkingModel();
    const served = await servePty(pair.b, model);
    cleanups.push(() => served.close());
    startHub({});
    const port = await SerialConnection.open('Tester', { path: pair.a, baudRate: 9600 });
    cleanups.push(() => port.close());
    for (let i = 0; i < 20; i++) expect(await port.query(`ECHO ${i}\n`, '\n', 5000)).toBe(String(i));
    expect(model.lines).toHaveLength(20);
  });

  it('names a real port that does not exist', async () => {
    startHub({});
    await expect(SerialConnection.open('Tester', { path: '/dev/ttyDOESNOTEXIST', baudRate: 9600 })).rejects.toThrow(
      /^Tester: cannot open serial port \/dev\/ttyDOESNOTEXIST: .*(No such file|ENOENT)/,
    );
  });

  it('lists the ports without udevadm, where serialport would need it', async () => {
    startHub({});
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const ports = await HubBinding.list();
      for (const port of ports) expect(port.path).toMatch(/^\/dev\/tty(S|USB|ACM|AMA|XRUSB)\d+$/);
    } finally {
      process.env.PATH = path;
    }
  });
});
