/**
 * Writing a Camera with settings.
 *
 * `NoisyCamera` stands for a driver: its images are noise whose brightness
 * follows the `exposure` setting (a slider from 1 to 100 ms), with a
 * `flip` checkbox, a `binning` choice and the standard trigger setting and
 * software ROI. Settings are declared in the constructor or in `open()`,
 * which ends with `setAll()`: the Camera Block's options give them their
 * first values (`exposure: 10` below), the others take their defaults.
 *
 * While the test runs, the main thread finds the Camera Block's handle in
 * `crappy.cameras`, prints the settings (kind, limits, value), sets
 * `exposure` to 40 ms live, and reads the newest frame and its metadata
 * from the ring, the way the camera panel of the web page does. The run
 * ends after 1.5 s.
 *
 * Run it with `npx tsx examples/camera_custom.ts`.
 */
import * as crappy from 'crappy';

class NoisyCamera extends crappy.camera.Camera {
  private exposureMs = 1;
  private flip = false;

  constructor() {
    super();
    this.addScaleSetting('exposure', 1, 100, { getter: () => this.exposureMs, setter: (ms) => (this.exposureMs = ms), default: 5 });
    this.addBoolSetting('flip', { setter: (on) => (this.flip = on), default: false });
    this.addChoiceSetting('binning', ['1x1', '2x2']);
    this.addTriggerSetting();
  }

  override open(options: Record<string, unknown>): void {
    // A real driver connects here, then learns the sensor's size.
    this.addSoftwareRoi(160, 120);
    this.setAll(options);
  }

  getImage(): crappy.camera.CameraFrame {
    const data = new Uint8Array(160 * 120);
    const level = Math.min(255, this.exposureMs * 5);
    for (let i = 0; i < data.length; i += 1) data[i] = Math.floor(Math.random() * level);
    if (this.flip) data.reverse();
    const image = this.applySoftRoi({ data, shape: [120, 160], dtype: 'uint8' })!;
    return [this.clock.time(), image];
  }
}

const camera = new crappy.blocks.Camera(NoisyCamera, { config: false, freq: 50, exposure: 10 });
const clock = new crappy.blocks.Generator([{ type: 'Constant', value: 0, condition: 'delay=1.5' }], { freq: 10, endDelay: 0 });
crappy.link(clock, camera);

crappy.cameras.on('camera', (handle) => {
  for (const s of handle.settings) {
    const limits = s.kind === 'scale' ? ` from ${s.lowest} to ${s.highest}` : s.kind === 'choice' ? ` in ${s.choices!.join(' | ')}` : '';
    console.log(`setting ${s.name} (${s.kind}${limits}) = ${s.value}`);
  }
  setTimeout(() => {
    void handle.setSetting('exposure', 40).then((settings) => {
      console.log(`exposure set live to ${settings.find((s) => s.name === 'exposure')!.value} ms`);
      setTimeout(() => {
        const frame = handle.latestFrame();
        if (frame === null) return;
        let sum = 0;
        for (const value of frame.image.data) sum += value;
        const mean = sum / frame.image.data.length;
        console.log(`newest frame #${frame.metadata.ImageUniqueID} at t = ${(frame.metadata['t(s)'] as number).toFixed(2)} s, mean level ${mean.toFixed(0)}`);
      }, 200);
    });
  }, 500);
});

await crappy.start();
