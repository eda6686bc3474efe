/**
 * camera_record: a Camera Block whose camera returns one pre-made
 * 2048 × 2048 8-bit frame as fast as the recorder lets it, recording every
 * frame to uncompressed TIFF with `dropFrames: false` (the camera waits for
 * the recorder: nothing is lost) on a pool of 2 encoding threads, for 5 s.
 * Reports the frames written per second (`write_fps`, counted on disk), the
 * MB/s written, the times the camera had to wait for a free slot, and the
 * CPU of the whole process (`cpu_pct`, % of one core).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as crappy from 'crappy';
import { printResult, round } from '../lib.js';

const SECONDS = 5;
const SIZE = 2048;
// The same in every thread of the run: each one runs this script again.
const folder = join(tmpdir(), `crappy-bench-camera-record-${process.pid}`);
if (crappy.isMainThread) mkdirSync(folder, { recursive: true });

class PremadeCamera extends crappy.camera.Camera {
  private readonly frame: crappy.camera.Image = {
    data: Uint8Array.from({ length: SIZE * SIZE }, (_, i) => (i * 7) % 256),
    shape: [SIZE, SIZE],
    dtype: 'uint8',
  };
  override frameFormat(): { shape: crappy.camera.ImageShape; dtype: crappy.camera.ImageDtype } {
    return { shape: this.frame.shape, dtype: 'uint8' };
  }
  getImage(): crappy.camera.CameraFrame {
    return [this.clock.time(), this.frame];
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

new crappy.blocks.Camera(PremadeCamera, { config: false, freq: null, saveImages: true, saveFolder: join(folder, 'images'), saveThreads: 2 });
new StopAfter({ freq: 20 });

let started = 0;
let cpuStart = process.cpuUsage();
let waits = 0;
crappy.cameras.on('camera', (handle) => {
  crappy.events.on('state', (state) => {
    if (state === 'running') {
      started = performance.now();
      cpuStart = process.cpuUsage();
    }
  });
  crappy.events.once('end', () => (waits = handle.ring.writerWaits));
});
await crappy.start();
// Until every frame taken is on disk: the recorder writes the last ones after the stop.
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const written = readdirSync(join(folder, 'images')).filter((name) => name.endsWith('.tiff')).length;
rmSync(folder, { recursive: true, force: true });
printResult('camera_record', {
  write_fps: round(written / seconds),
  write_mb_s: round((written * SIZE * SIZE) / 1e6 / seconds),
  camera_waits: waits,
  cpu_pct: round((100 * (cpu.user + cpu.system)) / 1e6 / seconds),
});
