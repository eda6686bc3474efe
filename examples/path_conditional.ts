/**
 * The Conditional Path as a thermostat: a simulated oven sends its
 * temperature; the heater gets full power below 40 °C, none above 45 °C,
 * and half power in between. A StopBlock ends the run after 6 s.
 *
 * Run it with `npx tsx examples/path_conditional.ts`.
 */
import * as crappy from 'crappy';

/** An oven: heats with the received power, cools towards 20 °C. */
class Oven extends crappy.Block {
  private temperature = 20;
  private power = 0;
  private lastPrint = -1;

  constructor() {
    super();
    this.freq = 50;
    this.labels = ['t(s)', 'T(C)'];
  }

  override loop(): void {
    const power = this.recvAllData().power;
    if (power !== undefined) this.power = power[power.length - 1] as number;
    // 30 °C/s at full power, losses of 0.5/s of the difference with 20 °C
    this.temperature += (30 * this.power - 0.5 * (this.temperature - 20)) / 50;
    const t = this.clock.time() - this.t0;
    this.send([t, this.temperature]);
    if (t - this.lastPrint >= 0.25) {
      this.lastPrint = t;
      console.log(`t = ${t.toFixed(2)} s  T = ${this.temperature.toFixed(1)} °C  power = ${this.power}`);
    }
  }
}

const heater = new crappy.blocks.Generator(
  [{ type: 'Conditional', condition1: 'T(C)>45', value1: 0, condition2: 'T(C)<40', value2: 1, value0: 0.5 }],
  { freq: 50, cmdLabel: 'power' },
);
const oven = new Oven();
crappy.link(heater, oven);
crappy.link(oven, heater);
crappy.link(oven, new crappy.blocks.StopBlock('t(s)>6'));

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
