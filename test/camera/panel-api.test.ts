/**
 * The main thread's handle on a Camera Block, for the camera panel (the
 * original's CameraConfig window, crappy/tool/camera_config, and its
 * displayer): with `config: true` the test waits until the handle releases
 * it; the newest frame and its metadata are read from the ring; settings
 * are listed with their kinds and values and set live; the software ROI is
 * set; a processing helper's overlays reach the main thread and shapes
 * drawn there reach the helper; the displayer's JPEG previews and
 * histograms arrive (`displayImages`). Runs test/scripts/camera/panel.ts.
 */
import { describe, expect, it } from 'vitest';
import { markers, type Marker } from '../helpers/markers.js';
import { runScript } from '../helpers/run-script.js';

describe('the camera panel API (crappy.cameras)', () => {
  it('holds, reads frames, sets settings and the ROI, and carries overlays both ways', async () => {
    const run = await runScript('camera/panel.ts');
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const all = markers(run.stdout);
    const get = (event: string): Marker => {
      const found = all.find((m) => m.event === event);
      expect(found, `marker ${event} in ${run.stdout}`).toBeDefined();
      return found!;
    };
    expect(all.find((m) => m.event === 'panel error')).toBeUndefined();
    expect(get('camera')).toMatchObject({
      camera: 'FakeCamera',
      holding: true,
      settings: [
        ['speed', 'scale', 100],
        ['fps', 'scale', 100],
        ['ROI_x', 'scale', 0],
        ['ROI_y', 'scale', 0],
        ['ROI_width', 'scale', 64],
        ['ROI_height', 'scale', 48],
      ],
    });
    // The feed the page's camera panel takes (@crappy/ui's CameraFeed), from the same handle.
    expect(get('feed')).toMatchObject({
      holding: true,
      settings: [['scale', 'speed'], ['scale', 'fps'], ['scale', 'ROI_x'], ['scale', 'ROI_y'], ['scale', 'ROI_width'], ['scale', 'ROI_height']],
      frame: [64, 48, 1],
    });
    const frame = get('frame');
    expect(frame.shape).toEqual([48, 64]);
    expect(frame.id).toBe(-1);
    expect(frame.metadata).toMatchObject({ ImageUniqueID: -1, 't(s)': null });
    expect(get('fps set').value).toBe(20);
    expect(get('roi').shape).toEqual([16, 32]);
    expect(get('refused').message).toMatch(/The camera setting fps takes a number, got "fast"/);
    const order = all.map((m) => m.event);
    expect(order.indexOf('release')).toBeLessThan(order.indexOf('test started'));
    expect(get('overlay')).toMatchObject({
      helper: 'box drawer',
      items: [{ type: 'box', x: 0, y: 0, width: 32, height: 16 }, { type: 'text', x: 1, y: 1, text: 'frame 0' }],
    });
    // A JPEG preview of a test frame (after the ROI: 32 × 16), with the histogram of its pixels.
    expect(get('preview')).toMatchObject({ jpegStart: [0xff, 0xd8], width: 32, height: 16, pixels: 512 });
    expect(get('preview').id).toBeGreaterThanOrEqual(0);
    expect(run.stdout).toMatch(/BoxDrawer: drawn: \[\{"type":"point","x":3,"y":4\}\]/);
  });
});
