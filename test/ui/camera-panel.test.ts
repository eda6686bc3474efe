// The server's side of the camera panel: what the operator's page sends
// reaches the camera's feed in the main thread, a refused value is logged
// with the Block's name and shown back, and the feed's changes reach the page.
import { describe, expect, it } from 'vitest';
import type { CameraFeed, CameraPanelValues, OverlayShape } from '../../packages/ui/src/camera/camera-feed.js';
import { CameraPanel } from '../../packages/ui/src/camera/camera-panel.js';

function setup() {
  const calls: string[] = [];
  let held = true;
  let gain = 10;
  const listeners = new Set<() => void>();
  const feed: CameraFeed = {
    newestFrame: () => null,
    settings: () => [{ kind: 'scale', name: 'gain', value: gain, min: 1, max: 20, step: 1 }],
    setSetting: async (name, value) => {
      if (typeof value !== 'number' || value > 20) throw new Error(`${name} must be at most 20, got ${String(value)}`);
      gain = value;
      calls.push(`set ${name} ${value}`);
      for (const listener of listeners) listener();
    },
    setRoi: async (x, y, w, h) => void calls.push(`roi ${x} ${y} ${w} ${h}`),
    overlay: () => [],
    holding: () => held,
    release: () => {
      held = false;
      calls.push('release');
    },
    sendDrawn: (shape: OverlayShape) => void calls.push(`drawn ${JSON.stringify(shape)}`),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const values: CameraPanelValues[] = [];
  const errors: string[] = [];
  let made = false;
  const block = { name: 'crappy.Camera-1', cameraFeed: () => (made ? feed : null) };
  const panel = new CameraPanel(3, block, { framerate: 5, draw: 'roi' }, { values: (v) => values.push(v), error: (e) => errors.push(e) });
  return { panel, calls, values, errors, feedMade: () => (made = true) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('camera panel (server side)', () => {
  it('waits for the feed, then sends its settings, overlay and hold at once and on each change', async () => {
    const { panel, values, feedMade, calls } = setup();
    panel.command({ type: 'camera-setting', name: 'gain', value: 12 });
    await settle();
    expect(calls).toEqual([]);
    expect(panel.attach()).toBeNull();
    feedMade();
    expect(panel.attach()).not.toBeNull();
    expect(values).toEqual([{ settings: [{ kind: 'scale', name: 'gain', value: 10, min: 1, max: 20, step: 1 }], overlay: [], waiting: true }]);
    panel.command({ type: 'camera-setting', name: 'gain', value: 12 });
    await settle();
    expect(calls).toEqual(['set gain 12']);
    expect(values.at(-1)!.settings[0]).toMatchObject({ value: 12 });
    panel.close();
  });

  it('logs a refused value with the Block and shows the setting back', async () => {
    const { panel, values, errors, feedMade } = setup();
    feedMade();
    panel.attach();
    panel.command({ type: 'camera-setting', name: 'gain', value: 25 });
    await settle();
    expect(errors).toEqual(['crappy.Camera-1: gain must be at most 20, got 25']);
    expect(values.at(-1)!.settings[0]).toMatchObject({ value: 10 });
  });

  it('passes ROIs, boxes drawn and the start of the test; ignores malformed ones', async () => {
    const { panel, calls, feedMade } = setup();
    feedMade();
    panel.command({ type: 'camera-roi', roi: [1, 2, 30, 40] });
    panel.command({ type: 'camera-roi', roi: [1, 2, 30] });
    panel.command({ type: 'camera-draw', shape: { type: 'box', x: 5, y: 6, width: 7, height: 8 } });
    panel.command({ type: 'camera-draw', shape: { type: 'box', x: 'a' } });
    panel.command({ type: 'camera-setting', name: 'gain', value: { nested: true } });
    panel.command({ type: 'camera-start' });
    panel.command({ type: 'camera-start' });
    await settle();
    expect(calls).toEqual(['roi 1 2 30 40', 'drawn {"type":"box","x":5,"y":6,"width":7,"height":8}', 'release']);
  });
});
