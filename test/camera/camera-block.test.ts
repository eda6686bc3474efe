/**
 * (The errors are checked by name: the Block's package uses the built
 * `@crappy/core`, another copy of the error classes than its sources.)
 *
 * The Camera Block driven in this thread, without helpers
 * (crappy/blocks/camera.py; the original's tests/camera_processes/test_07):
 * frames and metadata in the ring, the image generator and its strains, the
 * software trigger, transform, trigger mode after the configuration, and
 * the errors that name the Block and the cause.
 */
import { describe, expect, it } from 'vitest';
import { Camera as CameraBlock } from '../../packages/camera/src/blocks/camera-block.js';
import { Camera, type CameraFrame } from '../../packages/camera/src/camera.js';
import { makeImage, type Image } from '../../packages/camera/src/image.js';
import { drive as driveBlock, type Driven } from '../io/harness.js';
import type { Block } from '../../packages/core/src/index.js';

/** drive() of test/io for the Camera Block, which extends the built core's Block (same class, other declaration). */
const drive = (block: CameraBlock, options: Parameters<typeof driveBlock>[1] = {}): Driven<Block> => driveBlock(block as unknown as Block, options);

const ramp = (exx: number, eyy: number): Image => makeImage([4, 5], 'uint8', Uint8Array.from({ length: 20 }, (_, i) => i + exx + 2 * eyy));

describe('Camera Block', () => {
  it('writes each image with the original metadata of its timestamp, and the strains given to the generator', async () => {
    const block = new CameraBlock('unused', { config: false, imageGenerator: ramp, imgShape: [4, 5], imgDtype: 'uint8' });
    const driven = drive(block, { t0: 1000 });
    await block.prepare();
    driven.clock.now = 1000.5;
    driven.inbox.push({ 'Exx(%)': 3, 'Eyy(%)': 1 });
    await block.loop();
    driven.clock.now = 1001.25;
    await block.loop();
    const ring = block.ring!;
    expect(ring.published).toBe(2);
    const frame = ring.holdLatest()!;
    expect(Array.from(frame.image.data)).toEqual(Array.from({ length: 20 }, (_, i) => i + 5));
    expect(frame.metadata()).toEqual({ 't(s)': 1.25, DateTimeOriginal: '1970:01:01 00:16:41', SubsecTimeOriginal: '0.250000', ImageUniqueID: 1 });
    expect(driven.recvCalls).toEqual([false, false]);
    ring.release(frame);
    await block.finish();
  });

  it('takes an image only when the software trigger label is received', async () => {
    const block = new CameraBlock('unused', { config: false, imageGenerator: ramp, softwareTrigLabel: 'trig' });
    const driven = drive(block);
    await block.prepare();
    await block.loop();
    expect(block.ring!.published).toBe(0);
    driven.inbox.push({ trig: 1 });
    await block.loop();
    expect(block.ring!.published).toBe(1);
    await block.finish();
  });

  it('applies the transform, and keeps the camera metadata given as an object', async () => {
    class Meta extends Camera {
      getImage(): CameraFrame {
        return [{ 't(s)': this.clock.time(), ExposureTime: 0.01 }, makeImage([2, 3], 'uint8', Uint8Array.from([1, 2, 3, 4, 5, 6]))];
      }
    }
    const flip = (image: Image): Image => ({ ...image, data: Uint8Array.from(image.data).reverse() });
    const block = new CameraBlock(Meta, { config: false, transform: flip });
    const driven = drive(block, { t0: 10 });
    await block.prepare();
    driven.clock.now = 12;
    await block.loop();
    const frame = block.ring!.holdLatest()!;
    expect(Array.from(frame.image.data)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(frame.metadata()).toEqual({ 't(s)': 2, ExposureTime: 0.01, ImageUniqueID: 0 });
    await block.finish();
  });

  it("switches the trigger from 'Hdw after config' to 'Hardware' once configured", async () => {
    class Trig extends Camera {
      constructor() {
        super();
        this.addTriggerSetting();
      }
      getImage(): CameraFrame {
        return [0, makeImage([2, 2])];
      }
    }
    const block = new CameraBlock(Trig, { config: false, trigger: 'Hdw after config' });
    drive(block);
    await block.prepare();
    expect(block.camera!.getSetting('trigger')).toBe('Hardware');
    await block.finish();
  });

  it('fails with CameraRuntimeError naming the Block and the problem for a wrong image', async () => {
    let image: unknown = makeImage([2, 2]);
    class Wrong extends Camera {
      getImage(): CameraFrame {
        return [0, image as Image];
      }
    }
    const block = new CameraBlock(Wrong, { config: false });
    drive(block);
    await block.prepare();
    image = { data: new Float32Array(4), shape: [2, 2], dtype: 'uint8' };
    await expect(block.loop()).rejects.toMatchObject({ name: 'CameraRuntimeError' });
    await expect(block.loop()).rejects.toThrow(/crappy\.Camera-\d+: the Wrong Camera returned a wrong image: the image data must be a Uint8Array/);
    image = makeImage([2, 2], 'uint16');
    await expect(block.loop()).rejects.toThrow(/returned an image that does not fit: RangeError: the image is uint16, the frames of this camera are uint8/);
    image = makeImage([3, 3]);
    await expect(block.loop()).rejects.toThrow(/the image of shape \[3,3\] is larger/);
    await block.finish();
  });

  it('fails with CameraPrepareError for a camera that cannot open, an unknown camera or an unknown setting', async () => {
    class Broken extends Camera {
      override open(): void {
        throw new Error('no camera on /dev/video7');
      }
      getImage(): null {
        return null;
      }
    }
    const broken = new CameraBlock(Broken, { config: false });
    drive(broken);
    await expect(broken.prepare()).rejects.toMatchObject({ name: 'CameraPrepareError' });
    await expect(new CameraBlock(Broken, { config: false }).prepare()).rejects.toThrow(/the Broken Camera could not be opened: Error: no camera on \/dev\/video7/);
    const unknown = new CameraBlock('NoSuchCamera', { config: false });
    drive(unknown);
    await expect(unknown.prepare()).rejects.toThrow(/unknown Camera type "NoSuchCamera"; the known types are .*FakeCamera, FileReader/);
    const fake = new CameraBlock('FakeCamera', { config: false, exposure: 3 });
    drive(fake);
    await expect(fake.prepare()).rejects.toThrow(/FakeCamera Camera could not be opened: RangeError: Unexpected argument\(s\) exposure for camera FakeCamera/);
  });

  it('checks its own options, naming them', () => {
    expect(() => new CameraBlock('FakeCamera', { imgExtension: 'jpg' })).toThrow(/imgExtension must be one of tiff, tif, png, npy, got "jpg"/);
    expect(() => new CameraBlock('FakeCamera', { savePeriod: 0 })).toThrow(/savePeriod must be an integer >= 1/);
    expect(() => new CameraBlock('FakeCamera', { imgShape: [2] as never })).toThrow(/imgShape must be \[height, width\]/);
    expect(() => new CameraBlock('FakeCamera', { imgDtype: 'float32' as never })).toThrow(/imgDtype must be 'uint8' or 'uint16'/);
    expect(() => new CameraBlock('FakeCamera', { ringSlots: 1 })).toThrow(/ringSlots must be an integer >= 2/);
    expect(() => new CameraBlock(42 as never)).toThrow(/camera must be the name of a Camera class or the class itself/);
    const block = new CameraBlock('FakeCamera');
    expect([block.freq, block.niceness]).toEqual([200, -10]);
  });
});
