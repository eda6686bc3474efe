/**
 * The sensor of a two-process test (start `controller.ts` too): a
 * FakeInOut read and driven by an IOBlock, whose readings go to the
 * controller over MQTT and whose command comes back from it.
 *
 * - the IOBlock reads the memory of this process (`t(s)`, `memory(MB)`)
 *   20 times a second and makes it follow `target(MB)` (8 MB per loop);
 * - its ClientServer connects to the controller's broker at 127.0.0.1,
 *   port 1883 or `CRAPPY_MQTT_PORT` (waiting up to 30 s for it), publishes
 *   the readings together on one topic and receives the command;
 * - `Printer` prints the reading and the command twice a second;
 * - when the controller's run ends, the ClientServer sees its peer leave
 *   and ends this run too (`onPeerLost: 'stop'`).
 *
 * Run it with `npx tsx examples/client_server/sensor.ts`.
 */
import * as crappy from 'crappy';

const port = Number(process.env.CRAPPY_MQTT_PORT ?? 1883);

/** Prints the latest reading and command twice a second. */
class Printer extends crappy.Block {
  constructor() {
    super();
    this.freq = 2;
  }

  override loop(): void {
    const data = this.recvLastData();
    const show = (label: string): string => (typeof data[label] === 'number' ? (data[label] as number).toFixed(1) : '-');
    if (typeof data['memory(MB)'] === 'number') console.log(`sensor: memory ${show('memory(MB)')} MB  command ${show('target(MB)')} MB`);
  }
}

const io = new crappy.blocks.IOBlock('FakeInOut', {
  labels: ['t(s)', 'memory(MB)'],
  cmdLabels: 'target(MB)',
  exitCmd: 0,
  spam: true,
  freq: 20,
});
const remote = new crappy.blocks.ClientServer({
  address: '127.0.0.1',
  port,
  cmdLabels: [['t(s)', 'memory(MB)']],
  topics: ['target(MB)'],
  onPeerLost: 'stop',
  connectTimeout: 30,
  freq: 50,
});
const printer = new Printer();

crappy.link(io, remote);
crappy.link(remote, io);
crappy.link(io, printer);
crappy.link(remote, printer);

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log(`sensor: done; ${remote.stats.sentRows} readings sent, ${remote.stats.receivedRows} commands received`);
