/**
 * Camera settings, with the rules of the original's
 * crappy/camera/meta_camera/camera.py and camera_setting/*.py: defaults,
 * limits, steps, getters and setters, reserved names, the trigger setting,
 * the software ROI and set_all.
 */
import { describe, expect, it } from 'vitest';
import { Camera, type CameraFrame } from '../../packages/camera/src/camera.js';
import { makeImage } from '../../packages/camera/src/image.js';
import { ScaleSetting } from '../../packages/camera/src/settings/scale-setting.js';

class Bench extends Camera {
  logs: string[] = [];
  constructor() {
    super();
    this.logTo = (_level, message) => this.logs.push(message);
  }
  getImage(): CameraFrame {
    return [0, makeImage([4, 6], 'uint8', Uint8Array.from({ length: 24 }, (_, i) => i))];
  }
}

describe('scale settings', () => {
  const log: string[] = [];
  const make = (lowest: number, highest: number, defaultValue: number | null = null, step: number | null = null) =>
    new ScaleSetting('s', lowest, highest, null, null, defaultValue, step, (_l, m) => log.push(m));

  it('defaults to the middle, integers when both limits are, clamps what is set', () => {
    const s = make(0, 11);
    expect(s.default).toBe(5);
    expect(s.integer).toBe(true);
    s.value = 20;
    expect(s.value).toBe(11);
    s.value = 3.7;
    expect(s.value).toBe(3);
    expect(make(0, 1.5).default).toBe(0.75);
  });

  it('swaps reversed limits, refuses equal limits and a step of 0', () => {
    const s = make(10, 0);
    expect([s.lowest, s.highest]).toEqual([0, 10]);
    expect(() => make(1, 1)).toThrow(/bounds are equal for setting s/);
    expect(() => make(0, 1, null, 0)).toThrow(/step is equal to zero/);
  });

  it('replaces a default out of the limits by the middle, with a warning', () => {
    log.length = 0;
    expect(make(0, 10, 20).default).toBe(5);
    expect(log.join()).toMatch(/default 20 is not between the lowest \(0\) and highest \(10\)/);
  });

  it('fixes the step: 1 for integers, a thousandth of the range otherwise, no larger than the range, dividing it', () => {
    expect(make(0, 10).step).toBe(1);
    expect(make(0, 2.5).step).toBe(0.0025);
    expect(make(0, 10, null, 2.5).step).toBe(2);
    expect(make(0, 10, null, 50).step).toBe(1);
    const s = make(0, 10, null, 3);
    expect(s.highest).toBe(9);
  });

  it('reads through the getter, clamped to the limits, and writes through the setter', () => {
    let device = 50;
    const s = new ScaleSetting('gain', 0, 10, () => device, (v) => (device = v), 2, null, () => {});
    expect(s.value).toBe(10);
    s.value = 4;
    expect(device).toBe(4);
    expect(s.value).toBe(4);
  });
});

describe('Camera settings', () => {
  it('adds, reads and sets settings by name, and describes them for the panel', () => {
    const cam = new Bench();
    let exposure = 0;
    cam.addScaleSetting('exposure', 10, 1000, { setter: (v) => (exposure = v), default: 100 });
    cam.addBoolSetting('autoGain');
    cam.addChoiceSetting('mode', ['fast', 'precise'], { default: 'precise' });
    cam.addTriggerSetting();
    cam.setAll({ exposure: 200 });
    expect(exposure).toBe(200);
    expect(cam.getSetting('autoGain')).toBe(true);
    cam.setSetting('mode', 'fast');
    expect(cam.describeSettings()).toEqual([
      { name: 'exposure', kind: 'scale', value: 200, default: 100, lowest: 10, highest: 1000, step: 1, integer: true },
      { name: 'autoGain', kind: 'bool', value: true, default: true },
      { name: 'mode', kind: 'choice', value: 'fast', default: 'precise', choices: ['fast', 'precise'] },
      { name: 'trigger', kind: 'choice', value: 'Free run', default: 'Free run', choices: ['Free run', 'Hdw after config', 'Hardware'] },
    ]);
    expect(cam.settings.get('exposure')!.userSet).toBe(true);
    expect(cam.settings.get('autoGain')!.userSet).toBe(false);
  });

  it('refuses reserved names, duplicates, a second trigger, unknown names and wrong values', () => {
    const cam = new Bench();
    cam.addBoolSetting('a');
    expect(() => cam.addBoolSetting('a')).toThrow(/setting a already exists/);
    expect(() => cam.addBoolSetting('ROI_x')).toThrow(/reserved/);
    expect(() => cam.addScaleSetting('trigger', 0, 1)).toThrow(/reserved/);
    cam.addTriggerSetting();
    expect(() => cam.addTriggerSetting()).toThrow(/only be one trigger setting/);
    expect(() => cam.setAll({ b: 1 })).toThrow(/Unexpected argument\(s\) b for camera Bench/);
    expect(() => cam.setSetting('nope', 1)).toThrow(/has no setting "nope" \(it has: a, trigger\)/);
    expect(() => cam.setSetting('a', 3)).toThrow(/takes true or false, got 3/);
    expect(() => cam.setSetting('trigger', 'Sometimes')).toThrow(/takes one of/);
  });

  it('warns when the value read back differs from the value set', () => {
    const cam = new Bench();
    cam.addScaleSetting('gain', 0, 10, { getter: () => 1, setter: () => {} });
    cam.setSetting('gain', 5);
    expect(cam.logs.join('\n')).toMatch(/Could not set gain to 5, the value is 1 !/);
  });

  it('replaces a default that is not a choice by the first choice, with a warning', () => {
    const cam = new Bench();
    cam.addChoiceSetting('mode', ['x', 'y'], { default: 'z' });
    expect(cam.getSetting('mode')).toBe('x');
    expect(cam.logs.join('\n')).toMatch(/default z is not part of the given choices/);
  });

  it('crops to the software ROI, and returns null when nothing is left', () => {
    const cam = new Bench();
    cam.addSoftwareRoi(6, 4);
    cam.setAll();
    expect(cam.describeSettings().map((s) => [s.name, s.lowest, s.highest, s.value])).toEqual([
      ['ROI_x', 0, 4, 0],
      ['ROI_y', 0, 2, 0],
      ['ROI_width', 2, 6, 6],
      ['ROI_height', 2, 4, 4],
    ]);
    const full = cam.getImage()[1];
    expect(cam.applySoftRoi(full)).toBe(full);
    cam.setSetting('ROI_x', 1);
    cam.setSetting('ROI_y', 2);
    cam.setSetting('ROI_width', 3);
    const cropped = cam.applySoftRoi(full)!;
    expect(cropped.shape).toEqual([2, 3]);
    expect(Array.from(cropped.data)).toEqual([13, 14, 15, 19, 20, 21]);
    expect(() => cam.addSoftwareRoi(6, 4)).toThrow(/only be one set of software settings/);
    cam.reloadSoftwareRoi(10, 8);
    expect(cam.getSetting('ROI_width')).toBe(10);
    expect(cam.getSetting('ROI_x')).toBe(0);
  });

  it('registers its classes by name and refuses another class with the same name', () => {
    new Bench();
    expect(Camera.classes.get('Bench')).toBe(Bench);
    const Other = class Bench extends Camera {
      getImage(): null {
        return null;
      }
    };
    expect(() => new Other()).toThrow(/Camera class name 'Bench' is already used/);
  });
});
