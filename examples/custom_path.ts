/**
 * A Path of your own: a staircase that climbs `step` every `period`
 * seconds, until a condition holds. Registered by name, it is used as
 * `{ type: 'Staircase' }`; it could also be given as the class itself,
 * `{ type: Staircase }`.
 *
 * Run it with `npx tsx examples/custom_path.ts`.
 */
import * as crappy from 'crappy';

/** Options of the staircase. */
interface StaircaseOptions {
  step: number;
  period: number;
  condition: crappy.path.ConditionSpec;
}

/** Climbs `step` every `period` seconds from the previous command (0 for the first Path). */
class Staircase extends crappy.path.Path {
  private readonly step: number;
  private readonly period: number;
  private readonly start: number;
  private readonly stopWhen: crappy.path.Condition;

  constructor(options: StaircaseOptions) {
    super();
    // check the options here: a bad one fails when the Generator is created
    if (!(options.period > 0)) throw new RangeError(`Staircase: option 'period' must be > 0, got ${options.period}`);
    this.step = options.step;
    this.period = options.period;
    this.start = this.lastCmd ?? 0;
    // parses the condition once; 'delay=x' counts from this Path's start
    this.stopWhen = this.condition(options.condition, 'condition');
  }

  getCmd(data: crappy.DataLists): number {
    if (this.stopWhen.test(data)) this.end();
    return this.start + this.step * Math.floor(this.elapsed() / this.period);
  }
}
crappy.path.Path.classes.register(Staircase);

/** Prints every command it receives. */
class Printer extends crappy.Block {
  override loop(): void {
    const data = this.recvAllData();
    (data.cmd ?? []).forEach((cmd, i) => {
      console.log(`t = ${(data['t(s)']![i] as number).toFixed(2)} s  path ${String(data.index![i])}  cmd = ${String(cmd)}`);
    });
  }
}

const gen = new crappy.blocks.Generator(
  [
    { type: 'Staircase', step: 1, period: 0.5, condition: 'delay=2.2' },
    { type: Staircase, step: -2, period: 0.25, condition: 'delay=1.1' },
  ],
  { freq: 20, endDelay: 0 },
);
crappy.link(gen, new Printer());

await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) console.log('Done.');
