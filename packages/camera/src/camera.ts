import { ClassRegistry, LogLevel, systemClock, type Clock, type LogLevelName } from '@crappy/core';
import { cropImage, type Image, type ImageDtype, type ImageShape } from './image.js';
import { BoolSetting } from './settings/bool-setting.js';
import type { CameraSetting, SettingInfo, SettingLog } from './settings/camera-setting.js';
import { ChoiceSetting } from './settings/choice-setting.js';
import { ScaleSetting } from './settings/scale-setting.js';

/** A value, or a Promise of it: a Camera's methods may be synchronous or not. */
export type Awaitable<T> = T | Promise<T>;

/** The metadata of a frame; `'t(s)'` (seconds since the epoch) and `'ImageUniqueID'` are expected. */
export type FrameMetadata = Record<string, string | number | boolean | null>;

/**
 * What {@link Camera.getImage} returns: the frame's timestamp (seconds since
 * the epoch) or its metadata, and the image.
 */
export type CameraFrame = readonly [number | FrameMetadata, Image];

/** Any of the settings a Camera holds. */
export type AnySetting = CameraSetting<boolean> | CameraSetting<number> | CameraSetting<string>;

/** The getter and setter of a setting, and its default; all optional. */
export interface SettingAccess<T> {
  /** Reads the value from the camera; without it, the value is the last one set. */
  getter?: (() => T) | null;
  /** Writes the value to the camera; without it, the value is only stored. */
  setter?: ((value: T) => void) | null;
  /** The default value. */
  default?: T | null;
}

/** The choices of the trigger setting, as in the original. */
export const TRIGGER_CHOICES = ['Free run', 'Hdw after config', 'Hardware'] as const;

/** The names reserved for the trigger setting and the software ROI. */
export const RESERVED_SETTINGS = { trigger: 'trigger', roiX: 'ROI_x', roiY: 'ROI_y', roiWidth: 'ROI_width', roiHeight: 'ROI_height' } as const;

const RESERVED: readonly string[] = Object.values(RESERVED_SETTINGS);

/**
 * The base of every Camera: a driver that opens a camera, returns its
 * images, and closes it, driven by a {@link blocks.Camera | Camera Block} in its own thread.
 *
 * Declare the camera's settings in the constructor or in {@link Camera.open}
 * with {@link Camera.addBoolSetting}, {@link Camera.addScaleSetting},
 * {@link Camera.addChoiceSetting}, {@link Camera.addTriggerSetting} and
 * {@link Camera.addSoftwareRoi}; {@link Camera.open} must end with
 * {@link Camera.setAll}, which gives each setting the value given as an
 * option of the Camera Block, or its default. The settings are then read
 * and set by name ({@link Camera.getSetting}, {@link Camera.setSetting}),
 * also live, from the camera panel.
 *
 * A class is found by name (`new blocks.Camera('MyCamera')`) once
 * registered with `Camera.classes.register(MyCamera)` or instantiated once;
 * passing the class itself always works.
 */
export abstract class Camera {
  /** Every Camera class, by name. */
  static readonly classes = new ClassRegistry<Camera>('Camera');

  /** The settings, by name, in the order they were added. */
  readonly settings = new Map<string, AnySetting>();
  /** The time source of the timestamps; the Camera Block gives it its own. */
  clock: Clock = systemClock;
  /** Where {@link Camera.log} sends messages; the Camera Block connects it to its own log. */
  logTo: SettingLog | null = null;
  private softRoi = false;

  constructor() {
    Camera.classes.register(new.target);
  }

  /**
   * Logs a message under the owning Block's name.
   * @param level a {@link LogLevel} number or a level name
   */
  log(level: LogLevel | LogLevelName | number, message: string): void {
    const value = typeof level === 'number' ? level : LogLevel[level.toUpperCase() as keyof typeof LogLevel];
    this.logTo?.(value, `${this.constructor.name}: ${message}`);
  }

  /**
   * Opens the camera. Receives the options of the Camera Block that the Block
   * does not use itself (a serial number, setting values...). The default
   * only calls {@link Camera.setAll}; an override must call it too, at the end.
   */
  open(options: Record<string, unknown>): Awaitable<void> {
    this.setAll(options);
  }

  /**
   * Acquires one image.
   * @returns the timestamp (seconds since the epoch, `this.clock.time()`) or
   *   the metadata, and the image; or `null` when no image was acquired
   */
  abstract getImage(): Awaitable<CameraFrame | null>;

  /**
   * The shape and dtype of the images, when known once the camera is open:
   * the Camera Block sizes its frame ring with it. The default is `null`:
   * the Block then takes a first image (not recorded) to learn them, unless
   * its `imgShape` and `imgDtype` options are given.
   */
  frameFormat(): { shape: ImageShape; dtype: ImageDtype } | null {
    return null;
  }

  /** Releases the camera. Called once at the end, even after an error. */
  close(): Awaitable<void> {}

  /**
   * Adds a setting that is `true` or `false`.
   * @param access its getter and setter, and its default (`true` unless given)
   * @throws RangeError for a reserved or already used name
   */
  addBoolSetting(name: string, access: SettingAccess<boolean> = {}): void {
    this.checkNewName(name);
    this.log(LogLevel.INFO, `Adding the ${name} bool setting`);
    this.settings.set(name, new BoolSetting(name, access.getter ?? null, access.setter ?? null, access.default ?? true, this.settingLog));
  }

  /**
   * Adds a setting that takes a number from `lowest` to `highest` (integers
   * only when both are integers); its default is the middle unless given.
   * @param access its getter, setter and default, the slider's step, and
   *   `integer` to say whether it takes integers only (by default: when both
   *   limits are integers)
   * @throws RangeError for a reserved or used name, equal limits or a step of 0
   */
  addScaleSetting(name: string, lowest: number, highest: number, access: SettingAccess<number> & { step?: number | null; integer?: boolean } = {}): void {
    this.checkNewName(name);
    this.log(LogLevel.INFO, `Adding the ${name} scale setting`);
    this.settings.set(
      name,
      new ScaleSetting(name, lowest, highest, access.getter ?? null, access.setter ?? null, access.default ?? null, access.step ?? null, this.settingLog, access.integer ?? null),
    );
  }

  /**
   * Adds a setting that takes one of `choices`; its default is the first
   * choice unless given.
   * @throws RangeError for a reserved or used name, or no choices
   */
  addChoiceSetting(name: string, choices: readonly string[], access: SettingAccess<string> = {}): void {
    this.checkNewName(name);
    this.log(LogLevel.INFO, `Adding the ${name} choice setting`);
    this.settings.set(name, new ChoiceSetting(name, choices, access.getter ?? null, access.setter ?? null, access.default ?? null, this.settingLog));
  }

  /**
   * Adds the trigger setting, named `'trigger'`, with the choices
   * `'Free run'` (the default), `'Hdw after config'` and `'Hardware'`. The
   * Camera Block switches `'Hdw after config'` to `'Hardware'` once the
   * configuration is done, so that the settings can be tuned in free run.
   * @throws RangeError when the camera has one already
   */
  addTriggerSetting(access: Omit<SettingAccess<string>, 'default'> = {}): void {
    if (this.settings.has(RESERVED_SETTINGS.trigger)) throw new RangeError('There can only be one trigger setting per camera !');
    this.log(LogLevel.INFO, "Adding the 'trigger' trigger setting");
    this.settings.set(
      RESERVED_SETTINGS.trigger,
      new ChoiceSetting(RESERVED_SETTINGS.trigger, TRIGGER_CHOICES, access.getter ?? null, access.setter ?? null, 'Free run', this.settingLog),
    );
  }

  /**
   * Adds the software region of interest: four integer settings `ROI_x`,
   * `ROI_y` (the upper left corner, from 0), `ROI_width` and `ROI_height`
   * (from 2 to the full size, which is their default), for images of
   * `width` × `height` pixels. {@link Camera.applySoftRoi} crops an image to it.
   * @throws RangeError when the camera has one already
   */
  addSoftwareRoi(width: number, height: number): void {
    if (this.softRoi) throw new RangeError('There can only be one set of software settings per camera !');
    this.log(LogLevel.INFO, 'Adding the software ROI settings');
    const scale = (name: string, lowest: number, highest: number, value: number): void => {
      this.settings.set(name, new ScaleSetting(name, lowest, highest, null, null, value, 1, this.settingLog));
    };
    scale(RESERVED_SETTINGS.roiX, 0, width - 2, 0);
    scale(RESERVED_SETTINGS.roiY, 0, height - 2, 0);
    scale(RESERVED_SETTINGS.roiWidth, 2, width, width);
    scale(RESERVED_SETTINGS.roiHeight, 2, height, height);
    this.softRoi = true;
  }

  /**
   * Adapts the software ROI to a new image size and resets it to the whole
   * image (logs a warning when there is no software ROI).
   */
  reloadSoftwareRoi(width: number, height: number): void {
    if (!this.softRoi) {
      this.log(LogLevel.WARNING, 'Cannot reload the software ROI settings as they are not defined !');
      return;
    }
    const roi = (name: string): ScaleSetting => this.settings.get(name) as ScaleSetting;
    roi(RESERVED_SETTINGS.roiX).reload(0, width - 1, 0, 0);
    roi(RESERVED_SETTINGS.roiY).reload(0, height - 1, 0, 0);
    roi(RESERVED_SETTINGS.roiWidth).reload(1, width, width, width);
    roi(RESERVED_SETTINGS.roiHeight).reload(1, height, height, height);
    roi(RESERVED_SETTINGS.roiX).value = 0;
    roi(RESERVED_SETTINGS.roiY).value = 0;
    roi(RESERVED_SETTINGS.roiWidth).value = width;
    roi(RESERVED_SETTINGS.roiHeight).value = height;
  }

  /** Whether {@link Camera.addSoftwareRoi} was called. */
  get hasSoftwareRoi(): boolean {
    return this.softRoi;
  }

  /**
   * Crops `image` to the software ROI; returns it as is without a software
   * ROI, and `null` when no pixel is left.
   */
  applySoftRoi(image: Image): Image | null {
    if (!this.softRoi) return image;
    const get = (name: string): number => this.settings.get(name)!.value as number;
    return cropImage(image, get(RESERVED_SETTINGS.roiX), get(RESERVED_SETTINGS.roiY), get(RESERVED_SETTINGS.roiWidth), get(RESERVED_SETTINGS.roiHeight));
  }

  /**
   * Gives every setting the value in `values`, or its default (call it at the
   * end of {@link Camera.open}). Settings given are marked as set by the user.
   * @throws RangeError naming the keys that are not settings of the camera
   */
  setAll(values: Record<string, unknown> = {}): void {
    const unexpected = Object.keys(values).filter((key) => !this.settings.has(key));
    if (unexpected.length > 0) throw new RangeError(`Unexpected argument(s) ${unexpected.join(', ')} for camera ${this.constructor.name}.`);
    this.log(LogLevel.INFO, 'Setting all the setting values');
    for (const [name, setting] of this.settings) {
      const given = Object.hasOwn(values, name);
      (setting as CameraSetting<boolean | number | string>).value = (given ? values[name] : setting.default) as never;
      setting.userSet = given;
    }
  }

  /**
   * The current value of a setting.
   * @throws RangeError for an unknown name
   */
  getSetting(name: string): boolean | number | string {
    return this.setting(name).value;
  }

  /**
   * Sets a setting (scale values are clamped to its limits).
   * @throws RangeError for an unknown name; TypeError / RangeError for a value the setting cannot take
   */
  setSetting(name: string, value: boolean | number | string): void {
    (this.setting(name) as CameraSetting<boolean | number | string>).value = value;
  }

  /** Every setting as the camera panel shows it: kind, limits, current value. */
  describeSettings(): SettingInfo[] {
    return [...this.settings.values()].map((setting) => setting.describe());
  }

  private setting(name: string): AnySetting {
    const setting = this.settings.get(name);
    if (setting === undefined) {
      throw new RangeError(`The camera ${this.constructor.name} has no setting ${JSON.stringify(name)} (it has: ${[...this.settings.keys()].join(', ') || 'none'})`);
    }
    return setting;
  }

  private checkNewName(name: string): void {
    if (RESERVED.includes(name)) throw new RangeError(`The name ${name} is reserved for a different type of setting !`);
    if (this.settings.has(name)) throw new RangeError(`The setting ${name} already exists !`);
  }

  private readonly settingLog: SettingLog = (level, message) => this.log(level, message);
}
