/**
 * Writing your own Actuator: `Servo` stands for a hobby servo that moves
 * towards the angle it is given at a limited rate. A Machine drives it in
 * position mode: each angle received on `'angle'` becomes a
 * `setPosition(angle, speed)` call, with the `speed` setting (60 °/s here)
 * until a value arrives on `speedCmdLabel`; its `getPosition()` is sent on
 * `positionLabel`. `Program` sends the angles, and `Printer` prints the
 * servo's angle; the run ends after 3 s.
 *
 * Run it with `npx tsx examples/custom_actuator.ts`.
 */
import * as crappy from 'crappy';

/** Options of {@link Servo}. */
interface ServoOptions {
  /** Angle at start-up (°, default 90). */
  initialAngle?: number;
}

/** A simulated servo: moves towards its target at the given speed, computed from its clock. */
class Servo extends crappy.actuator.Actuator {
  private angle: number;
  private target: number;
  private rate = 0;
  private lastT = 0;

  constructor(options: ServoOptions = {}) {
    // The constructor runs in every thread: it only checks and stores options.
    super();
    this.angle = options.initialAngle ?? 90;
    this.target = this.angle;
  }

  override open(): void {
    this.lastT = this.clock.time();
  }

  override setPosition(angle: number, speed: number | null): void {
    this.update();
    this.target = Math.min(180, Math.max(0, angle));
    // The speed may be null: the servo then moves at its own top speed.
    this.rate = speed ?? 300;
  }

  override getPosition(): number {
    this.update();
    return this.angle;
  }

  /** A servo has no speed control of its own: stopping holds the current angle. */
  override stop(): void {
    this.update();
    this.target = this.angle;
  }

  private update(): void {
    const now = this.clock.time();
    const step = this.rate * (now - this.lastT);
    this.lastT = now;
    const gap = this.target - this.angle;
    this.angle += Math.sign(gap) * Math.min(Math.abs(gap), step);
  }
}

/** Sends 0° at start, then 180° after 1.5 s; ends the run after 3 s. */
class Program extends crappy.Block {
  constructor() {
    super();
    this.freq = 10;
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    this.send({ 't(s)': t, angle: t < 1.5 ? 0 : 180 });
    if (t > 3) this.stop();
  }
}

/** Prints the servo's angle 4 times per second. */
class Printer extends crappy.Block {
  constructor() {
    super();
    this.freq = 4;
  }

  override loop(): void {
    const data = this.recvLastData(false);
    if (typeof data['angle(deg)'] === 'number') {
      console.log(`t = ${(data['t(s)'] as number).toFixed(2)} s: servo at ${data['angle(deg)'].toFixed(1)}°`);
    }
  }
}

const machine = new crappy.blocks.Machine(
  [{ type: Servo, mode: 'position', cmdLabel: 'angle', speed: 60, positionLabel: 'angle(deg)', initialAngle: 45 }],
  { freq: 50 },
);
crappy.link(new Program(), machine);
crappy.link(machine, new Printer());

await crappy.start({ logLevel: 'warning' });
