/**
 * The controller of a two-process test (start `sensor.ts` too, in another
 * terminal or on another machine): it hosts the MQTT broker, receives the
 * sensor's readings, runs a PID and sends the command back.
 *
 * - its ClientServer starts the embedded broker (`broker: true`) on port
 *   1883, or `CRAPPY_MQTT_PORT`, of 127.0.0.1 (set `address` to the
 *   machine's network address to let another machine in), receives
 *   `t(s)` and `memory(MB)` together on one topic, and publishes `target(MB)`;
 * - `Setpoint` asks for 48 MB more than the first reading;
 * - the PID turns the setpoint and the readings into the target memory that
 *   the sensor's FakeInOut follows;
 * - `Printer` prints the reading, the setpoint and the command twice a second;
 * - the StopBlock ends the run after 8 s; the sensor then sees its peer
 *   leave and stops too (`onPeerLost: 'stop'`).
 *
 * Run it with `npx tsx examples/client_server/controller.ts`, then
 * `npx tsx examples/client_server/sensor.ts`.
 */
import * as crappy from 'crappy';

const port = Number(process.env.CRAPPY_MQTT_PORT ?? 1883);

/** Sends the setpoint: 48 MB more than the first memory reading. */
class Setpoint extends crappy.Block {
  private baseline: number | null = null;

  constructor() {
    super();
    this.freq = 20;
  }

  override loop(): void {
    const memory = this.recvLastData()['memory(MB)'];
    if (this.baseline === null && typeof memory === 'number') this.baseline = memory;
    if (this.baseline !== null) this.send({ cmd: this.baseline + 48 });
  }
}

/** Prints the latest reading, setpoint and command twice a second. */
class Printer extends crappy.Block {
  constructor() {
    super();
    this.freq = 2;
  }

  override loop(): void {
    const data = this.recvLastData();
    const show = (label: string): string => (typeof data[label] === 'number' ? (data[label] as number).toFixed(1) : '-');
    if (typeof data['memory(MB)'] === 'number') {
      console.log(`controller: t = ${show('t(s)')} s  memory ${show('memory(MB)')} MB  setpoint ${show('cmd')} MB  command ${show('target(MB)')} MB`);
    }
  }
}

const remote = new crappy.blocks.ClientServer({
  broker: true,
  port,
  topics: [['t(s)', 'memory(MB)']],
  cmdLabels: ['target(MB)'],
  onPeerLost: 'stop',
  freq: 50,
});
const setpoint = new Setpoint();
const pid = new crappy.blocks.PID(0.5, {
  ki: 4,
  setpointLabel: 'cmd',
  inputLabel: 'memory(MB)',
  labels: ['t(s)', 'target(MB)'],
  outMin: 0,
  outMax: 4000,
  freq: 20,
});
const printer = new Printer();

crappy.link(remote, setpoint);
crappy.link(setpoint, pid);
crappy.link(remote, pid);
crappy.link(pid, remote);
crappy.link(remote, printer);
crappy.link(setpoint, printer);
crappy.link(pid, printer);
crappy.link(pid, new crappy.blocks.StopBlock('t(s)>8'));

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log(`controller: done; ${remote.stats.receivedRows} readings received, ${remote.stats.sentRows} commands sent`);
