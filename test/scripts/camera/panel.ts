/**
 * What the camera panel does from the main thread, through
 * `crappy.cameras` (the original's CameraConfig window and displayer): the
 * run holds before the test until released; the newest frame and its
 * metadata are read from the ring; settings are listed and set live; the
 * software ROI is set; a processing helper's overlays arrive, and shapes
 * drawn on the panel reach it; the displayer's previews arrive. Prints `@@ {...}` markers of each step.
 */
import * as crappy from 'crappy';
import { writeSync } from 'node:fs';

const mark = (value: object): void => void writeSync(1, `@@ ${JSON.stringify(value)}\n`);

class ProcessingCamera extends crappy.blocks.Camera {
  constructor() {
    super('FakeCamera', { config: true, width: 64, height: 48, fps: 100, freq: 100, displayImages: true, displayerFramerate: 10 });
    this.processor = { module: new URL('./overlay-helper.mjs', import.meta.url).href, exportName: 'BoxDrawer', title: 'box drawer' };
  }
}

class StopAfter extends crappy.Block {
  override get runsWithoutLinks(): boolean {
    return true;
  }
  override begin(): void {
    mark({ event: 'test started', t: Date.now() });
  }
  loop(): void {
    if (this.clock.time() - this.t0 > 1) this.stop();
  }
}

const camera = new ProcessingCamera();
/** The Camera Block's feed is the one the page's camera panel takes (checked by the compiler). */
const feedOf = (block: crappy.blocks.Camera): crappy.CameraFeed | null => block.cameraFeed();
new StopAfter({ freq: 50 });

const waitFor = async <T>(get: () => T | null, what: string): Promise<T> => {
  for (let i = 0; i < 1000; i += 1) {
    const value = get();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

crappy.cameras.on('camera', (handle) => {
  handle.once('preview', (preview) => {
    mark({ event: 'preview', jpegStart: [preview.jpeg[0], preview.jpeg[1]], width: preview.width, height: preview.height, pixels: preview.histogram.reduce((a, b) => a + b, 0), id: preview.metadata.ImageUniqueID });
  });
  handle.once('overlay', (helper, items) => {
    mark({ event: 'overlay', helper, items });
    handle.sendDrawn([{ type: 'point', x: 3, y: 4 }]);
  });
  void (async () => {
    mark({ event: 'camera', camera: handle.camera, holding: handle.holding, settings: handle.settings.map((s) => [s.name, s.kind, s.value]) });
    const first = await waitFor(() => handle.latestFrame(), 'a frame');
    const feed = feedOf(camera)!;
    const shown = feed.newestFrame()!;
    mark({ event: 'feed', holding: feed.holding(), settings: feed.settings().map((s) => [s.kind, s.name]), frame: [shown.width, shown.height, shown.channels] });
    mark({ event: 'frame', shape: first.image.shape, id: first.id, metadata: first.metadata });
    const fps = await handle.setSetting('fps', 20);
    mark({ event: 'fps set', value: fps.find((s) => s.name === 'fps')!.value });
    await handle.setRoi(8, 4, 32, 16);
    const cropped = await waitFor(() => {
      const frame = handle.latestFrame();
      return frame !== null && frame.image.shape[0] === 16 ? frame : null;
    }, 'a cropped frame');
    mark({ event: 'roi', shape: cropped.image.shape });
    const refused = await handle.setSetting('fps', 'fast').catch((error: Error) => error.message);
    mark({ event: 'refused', message: refused });
    mark({ event: 'release', t: Date.now() });
    handle.release();
  })().catch((error: unknown) => mark({ event: 'panel error', message: String(error) }));
});

await crappy.start();
