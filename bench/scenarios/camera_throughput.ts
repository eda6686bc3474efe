/**
 * camera_throughput: a Camera Block whose camera returns one pre-made
 * 2048 × 2048 8-bit frame as fast as it can (`freq: null`), for 5 s, with
 * one helper in its own worker that takes the newest frame each time it is
 * ready and reads it in place. Reports the frames acquired per second
 * (`acq_fps`), those the helper saw (`proc_fps`, and `proc_pct` of the
 * acquired), and the CPU of the whole process (`cpu_pct`, % of one core:
 * the camera's thread, the helper's, and the rest).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as crappy from 'crappy';
import { printResult, round } from '../lib.js';

const SECONDS = 5;
const SIZE = 2048;
// The same in every thread of the run: each one runs this script again.
const folder = join(tmpdir(), `crappy-bench-camera-${process.pid}`);
mkdirSync(folder, { recursive: true });
const resultFile = join(folder, 'helper.json');

class PremadeCamera extends crappy.camera.Camera {
  private readonly frame: crappy.camera.Image = { data: new Uint8Array(SIZE * SIZE).fill(7), shape: [SIZE, SIZE], dtype: 'uint8' };
  override frameFormat(): { shape: crappy.camera.ImageShape; dtype: crappy.camera.ImageDtype } {
    return { shape: this.frame.shape, dtype: 'uint8' };
  }
  getImage(): crappy.camera.CameraFrame {
    return [this.clock.time(), this.frame];
  }
}

class CountedCamera extends crappy.blocks.Camera {
  constructor() {
    super(PremadeCamera, { config: false, freq: null });
    this.processor = { module: new URL('./camera-reader-helper.mjs', import.meta.url).href, exportName: 'FrameCounter', title: 'frame counter', options: { resultFile } };
  }
}

class StopAfter extends crappy.Block {
  override get runsWithoutLinks(): boolean {
    return true;
  }
  loop(): void {
    if (this.clock.time() - this.t0 > SECONDS) this.stop();
  }
}

new CountedCamera();
new StopAfter({ freq: 20 });

// Measured from the start of the test to the stop: what the camera acquired and the CPU it took meanwhile.
let published = 0;
let started = 0;
let seconds = 0;
let cpuStart = process.cpuUsage();
let cpu = { user: 0, system: 0 };
crappy.cameras.on('camera', (handle) => {
  crappy.events.on('state', (state) => {
    if (state === 'running') {
      started = performance.now();
      cpuStart = process.cpuUsage();
    } else if (state === 'stopping') {
      published = handle.ring.published;
      seconds = (performance.now() - started) / 1000;
      cpu = process.cpuUsage(cpuStart);
    }
  });
});
await crappy.start();
const helper = JSON.parse(readFileSync(resultFile, 'utf8')) as { processed: number; skipped: number };
rmSync(folder, { recursive: true, force: true });
printResult('camera_throughput', {
  acq_fps: round(published / seconds),
  proc_fps: round(helper.processed / seconds),
  proc_pct: round((100 * helper.processed) / published),
  cpu_pct: round((100 * (cpu.user + cpu.system)) / 1e6 / seconds),
});
