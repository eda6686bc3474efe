/**
 * The camera panel against a camera made for the test: a UI Block whose
 * main-thread copy hands out a feed of 320 × 240 gray frames, pixel (x, y)
 * = min(255, (x + y) · gain / 10) (inverted with `invert`), cut to the
 * software ROI; the feed prints each change it gets (`set <name> <value>`,
 * `roi x y w h`, `drawn <json>`, `released`). A StopButton ends the run.
 */
import * as crappy from 'crappy';

type Setting = crappy.CameraSettingInfo;

/** The feed, in the main thread only. */
class TestFeed implements crappy.CameraFeed {
  private readonly values: Setting[] = [
    { kind: 'scale', name: 'gain', value: 10, min: 1, max: 20, step: 1 },
    { kind: 'bool', name: 'invert', value: false },
    { kind: 'choice', name: 'pattern', value: 'diagonal', choices: ['diagonal', 'flat'] },
    { kind: 'scale', name: 'ROI_x', value: 0, min: 0, max: 318, step: 1 },
    { kind: 'scale', name: 'ROI_y', value: 0, min: 0, max: 238, step: 1 },
    { kind: 'scale', name: 'ROI_width', value: 320, min: 2, max: 320, step: 1 },
    { kind: 'scale', name: 'ROI_height', value: 240, min: 2, max: 240, step: 1 },
  ];
  private held = true;
  private readonly listeners = new Set<() => void>();
  private readonly start = Date.now();

  private value(name: string): number | boolean | string {
    return this.values.find((s) => s.name === name)!.value;
  }

  newestFrame(): crappy.CameraFrame {
    const [x0, y0, width, height] = ['ROI_x', 'ROI_y', 'ROI_width', 'ROI_height'].map((name) => this.value(name) as number);
    const gain = this.value('gain') as number;
    const flat = this.value('pattern') === 'flat';
    const pixels = new Uint8Array(width! * height!);
    for (let y = 0; y < height!; y++) {
      for (let x = 0; x < width!; x++) {
        const level = flat ? 100 : Math.min(255, Math.floor(((x + x0! + y + y0!) * gain) / 10));
        pixels[y * width! + x] = this.value('invert') === true ? 255 - level : level;
      }
    }
    const t = (Date.now() - this.start) / 1000;
    return { index: Math.floor(t * 20), t, width: width!, height: height!, channels: 1, pixels };
  }

  settings(): readonly Setting[] {
    return this.values.map((s) => ({ ...s }));
  }

  async setSetting(name: string, value: boolean | number | string): Promise<void> {
    const setting = this.values.find((s) => s.name === name);
    if (setting === undefined) throw new Error(`no setting ${name}`);
    if (setting.kind === 'scale' && (typeof value !== 'number' || value < setting.min || value > setting.max)) {
      this.changed();
      throw new Error(`${name} must be within ${setting.min} and ${setting.max}, got ${String(value)}`);
    }
    setting.value = value as never;
    console.log(`set ${name} ${String(value)}`);
    this.changed();
  }

  async setRoi(x: number, y: number, width: number, height: number): Promise<void> {
    Object.assign(this.values.find((s) => s.name === 'ROI_x')!, { value: x });
    Object.assign(this.values.find((s) => s.name === 'ROI_y')!, { value: y });
    Object.assign(this.values.find((s) => s.name === 'ROI_width')!, { value: width });
    Object.assign(this.values.find((s) => s.name === 'ROI_height')!, { value: height });
    console.log(`roi ${x} ${y} ${width} ${height}`);
    this.changed();
  }

  overlay(): readonly crappy.OverlayShape[] {
    return [{ type: 'box', x: 10, y: 10, width: 50, height: 30, color: '#00ff00' }];
  }

  holding(): boolean {
    return this.held;
  }

  release(): void {
    this.held = false;
    console.log('released');
    this.changed();
  }

  sendDrawn(shape: crappy.OverlayShape): void {
    console.log(`drawn ${JSON.stringify(shape)}`);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A Block with a camera panel and nothing else: its feed lives in the main thread. */
class TestCamera extends crappy.UiBlock implements crappy.CameraPanelBlock {
  private feed: TestFeed | null = null;

  constructor() {
    super();
    this.freq = 10;
  }

  override panel(): crappy.PanelConfig {
    return { kind: 'camera', title: 'Test camera', settings: { framerate: 10, draw: 'roi' } };
  }

  cameraFeed(): crappy.CameraFeed {
    return (this.feed ??= new TestFeed());
  }

  override loop(): void {}

  override get runsWithoutLinks(): boolean {
    return true;
  }
}

new TestCamera();
new crappy.blocks.StopButton();
await crappy.start({ logLevel: 'info', ui: { port: 0 } });
if (crappy.isMainThread) console.log('start() resolved');
