// The camera panel's image: the levels it prints and the 8-bit mapping it
// draws with follow the original's CameraConfig (crappy/tool/camera_config/
// camera_config.py, `_cast_img`); the JPEG shows the part of the frame asked.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { CameraFrame } from '../../packages/ui/src/camera/camera-feed.js';
import { MAX_MEASURED_PIXELS, measureLevels, toScreenLevels } from '../../packages/ui/src/camera/frame-levels.js';
import { clampCrop, fitInside, renderView } from '../../packages/ui/src/camera/frame-view.js';

/** A gray frame whose pixel (x, y) is `value(x, y)`. */
function grayFrame(width: number, height: number, deep: boolean, value: (x: number, y: number) => number): CameraFrame {
  const pixels = deep ? new Uint16Array(width * height) : new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = value(x, y);
  return { index: 7, t: 1.25, width, height, channels: 1, pixels };
}

async function decodeGray(jpeg: Buffer): Promise<{ width: number; height: number; data: Buffer }> {
  const { data, info } = await sharp(jpeg).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

describe('camera panel levels', () => {
  it('8-bit frame: min, max, bits and a histogram of every pixel, shown as it is', () => {
    const frame = grayFrame(16, 4, false, (x) => x * 10); // levels 0..150, 4 pixels each
    const levels = measureLevels(frame, false);
    expect([levels.min, levels.max, levels.bits]).toEqual([0, 150, 8]);
    expect(levels.histogram.reduce((a, b) => a + b)).toBe(64);
    expect(levels.histogram[150]).toBe(4);
    expect(levels.range).toBeNull();
    expect(toScreenLevels(frame.pixels, levels)).toBe(frame.pixels);
  });

  it('12-bit data in a 16-bit frame is divided by 2^(bits - 8)', () => {
    const frame = grayFrame(8, 1, true, (x) => [0, 100, 1000, 2048, 4095, 16, 17, 4000][x]!);
    const levels = measureLevels(frame, false);
    expect([levels.min, levels.max, levels.bits]).toEqual([0, 4095, 12]);
    expect(Array.from(toScreenLevels(frame.pixels, levels))).toEqual([0, 6, 62, 128, 255, 1, 1, 250]);
    // The histogram counts the levels as shown: 4095 / 16 → 255.
    expect(levels.histogram[255]).toBe(1);
    expect(levels.histogram[1]).toBe(2);
  });

  it('a dark 16-bit frame is brightened: bits below 8 multiply', () => {
    const frame = grayFrame(2, 1, true, (x) => [3, 15][x]!);
    const levels = measureLevels(frame, false);
    expect(levels.bits).toBe(4);
    expect(Array.from(toScreenLevels(frame.pixels, levels))).toEqual([48, 240]);
  });

  it('auto range stretches the 3rd to 97th percentile over black to white', () => {
    // 100 pixels with levels 0..99: numpy.percentile gives 2.97 and 96.03.
    const frame = grayFrame(100, 1, false, (x) => x);
    const levels = measureLevels(frame, true);
    expect(levels.range![0]).toBeCloseTo(2.97, 9);
    expect(levels.range![1]).toBeCloseTo(96.03, 9);
    const shown = toScreenLevels(frame.pixels, levels);
    expect([shown[0], shown[2], shown[97], shown[99]]).toEqual([0, 0, 255, 255]);
    expect(shown[50]).toBe(Math.floor(((50 - 2.97) * 255) / (96.03 - 2.97)));
  });

  it('color frames are measured on their gray level', () => {
    const pixels = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    const levels = measureLevels({ index: 0, t: 0, width: 3, height: 1, channels: 3, pixels }, false);
    expect([levels.min, levels.max]).toEqual([29, 150]); // blue 0.114·255, green 0.587·255
    expect(levels.histogram[76]).toBe(1); // red 0.299·255
  });
});

describe('camera panel view', () => {
  it('crops are kept inside the frame, and pictures fit inside the area asked', () => {
    expect(clampCrop(undefined, 100, 50)).toEqual([0, 0, 100, 50]);
    expect(clampCrop([-10, 40, 500, 500], 100, 50)).toEqual([0, 40, 100, 10]);
    expect(clampCrop([99.7, 49.9, 0, 0], 100, 50)).toEqual([99, 49, 1, 1]);
    expect(fitInside(2048, 1024, [640, 480])).toEqual([640, 320]);
    expect(fitInside(10, 20, undefined)).toEqual([240, 480]);
  });

  it('renders the whole frame scaled down, with the frame it came from', async () => {
    // Left half black, right half white.
    const frame = grayFrame(200, 100, false, (x) => (x < 100 ? 0 : 255));
    const view = await renderView(frame, { size: [100, 100] });
    expect(view.size).toEqual([100, 50]);
    expect(view.crop).toEqual([0, 0, 200, 100]);
    expect([view.index, view.t, view.frameSize]).toEqual([7, 1.25, [200, 100]]);
    const image = await decodeGray(view.jpeg);
    expect([image.width, image.height]).toEqual([100, 50]);
    expect(image.data[25 * 100 + 10]).toBeLessThan(10);
    expect(image.data[25 * 100 + 90]).toBeGreaterThan(245);
  });

  it('a zoom shows the part asked, pixels as squares', async () => {
    // A checkerboard of 1-pixel squares; zoom on 4 × 4 pixels from (10, 20), shown 8 times larger.
    const frame = grayFrame(64, 64, true, (x, y) => ((x + y) % 2 === 0 ? 4095 : 0));
    const view = await renderView(frame, { crop: [10, 20, 4, 4], size: [32, 32] });
    expect(view.size).toEqual([32, 32]);
    const image = await decodeGray(view.jpeg);
    // The centre of each 8 × 8 square: white where x + y is even in the frame.
    for (let j = 0; j < 4; j++) {
      for (let i = 0; i < 4; i++) {
        const shown = image.data[(j * 8 + 4) * 32 + (i * 8 + 4)]!;
        if ((10 + i + 20 + j) % 2 === 0) expect(shown).toBeGreaterThan(200);
        else expect(shown).toBeLessThan(55);
      }
    }
  });

  it('renders a color frame in color', async () => {
    const pixels = new Uint8Array(40 * 20 * 3);
    for (let i = 0; i < 40 * 20; i++) pixels[3 * i] = 255; // red
    const view = await renderView({ index: 0, t: 0, width: 40, height: 20, channels: 3, pixels }, { size: [40, 20] });
    const { data, info } = await sharp(view.jpeg).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    const centre = (10 * 40 + 20) * 3;
    expect(data[centre]).toBeGreaterThan(230);
    expect(data[centre + 1]).toBeLessThan(30);
    expect(data[centre + 2]).toBeLessThan(30);
  });
});

describe('camera panel levels of a large frame', () => {
  it('are measured on pixels spread over the whole frame', () => {
    // 2048 × 2048: one pixel in 16 is measured; the frame's left half is 10, its right half 200.
    const frame = grayFrame(2048, 2048, false, (x) => (x < 1024 ? 10 : 200));
    const levels = measureLevels(frame, false);
    expect(levels.histogram.reduce((a, b) => a + b)).toBe(MAX_MEASURED_PIXELS);
    expect(levels.histogram[10]).toBe(MAX_MEASURED_PIXELS / 2);
    expect([levels.min, levels.max]).toEqual([10, 200]);
  });
});
