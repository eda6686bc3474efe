/**
 * Records a FakeCamera for a given time (crappy/blocks/camera.py with
 * save_images): `record.ts <folder> <extension> <bitDepth> <color> <seconds> [dropFrames]`.
 * Prints `@@ {"published": n}` (frames taken, from the main thread's handle).
 */
import * as crappy from 'crappy';
import { writeSync } from 'node:fs';

const [folder, extension, bitDepth, color, seconds, dropFrames] = process.argv.slice(2);

class StopAfter extends crappy.Block {
  constructor(private readonly delay: number) {
    super({ freq: 50 });
  }
  override get runsWithoutLinks(): boolean {
    return true;
  }
  loop(): void {
    if (this.clock.time() - this.t0 > this.delay) this.stop();
  }
}

new crappy.blocks.Camera('FakeCamera', {
  config: false,
  saveImages: true,
  saveFolder: folder!,
  imgExtension: extension!,
  dropFrames: dropFrames === 'true',
  freq: 100,
  width: 40,
  height: 30,
  bitDepth: Number(bitDepth) as 8 | 16,
  color: color === 'true',
  fps: 100,
  saveThreads: 2,
});
new StopAfter(Number(seconds));

let published = 0;
crappy.cameras.on('camera', (handle) => {
  handle.block.name;
  crappy.events.on('end', () => {});
  const timer = setInterval(() => (published = handle.ring.published), 5);
  crappy.events.once('end', () => {
    published = handle.ring.published;
    clearInterval(timer);
  });
});
await crappy.start();
writeSync(1, `@@ ${JSON.stringify({ published })}\n`);
