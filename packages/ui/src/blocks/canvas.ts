import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkOptions, labelOption, numberOption } from '@crappy/core/options';
import { POSITIVE, POSITIVE_INTEGER, UiBlock, type PanelConfig } from '../ui-block.js';

/**
 * One thing drawn on a {@link Canvas}: a `text` with the value of `label`
 * formatted by `format` (`%.Nf` is replaced by the value with N digits),
 * a `dot` colored along the Canvas' `colorRange` by the value of `label`,
 * or the `time` since the start of the run.
 */
export type CanvasItem =
  | { type: 'text'; coord: readonly [number, number]; label: string; format?: string }
  | { type: 'dot'; coord: readonly [number, number]; label: string; radius?: number }
  | { type: 'time'; coord: readonly [number, number] };

/** Options of {@link Canvas}. */
export interface CanvasOptions {
  /** Path of the background image (PNG, JPEG, SVG); without it, a plain background of `width` × `height`. */
  image?: string;
  /** Width of the drawing in pixels when there is no image (default 640). */
  width?: number;
  /** Height of the drawing in pixels when there is no image (default 480). */
  height?: number;
  /** Values mapped to the dots' blue (first) and red (second) ends (default `[0, 100]`). */
  colorRange?: readonly [number, number];
  /** Updates per second (default 5). */
  freq?: number;
  /** Title of the panel. */
  title?: string;
}

/**
 * Draws live values over an image on the run's page: texts, dots whose
 * color follows a value (e.g. thermocouples on a sample) and the elapsed
 * time. The original's Canvas, in the browser.
 *
 * @example
 * ```ts
 * const canvas = new crappy.blocks.Canvas(
 *   [{ type: 'dot', coord: [120, 80], label: 'T1' },
 *    { type: 'text', coord: [140, 85], label: 'T1', format: 'T1 = %.1f °C' },
 *    { type: 'time', coord: [10, 20] }],
 *   { image: 'sample.png', colorRange: [20, 300] });
 * ```
 */
export class Canvas extends UiBlock {
  /** What is drawn. */
  readonly items: readonly CanvasItem[];
  /** Absolute path of the background image, or `null`. */
  readonly image: string | null;
  /** Size of the drawing without image. */
  readonly size: readonly [number, number];
  /** Values mapped to blue and red. */
  readonly colorRange: readonly [number, number];
  private last: Record<string, unknown> = {};

  /**
   * @param items what to draw (see {@link CanvasItem})
   * @throws TypeError / RangeError naming the wrong argument or option; Error for a missing image
   */
  constructor(items: readonly CanvasItem[], options: CanvasOptions = {}) {
    super();
    const raw = checkOptions(options, ['image', 'width', 'height', 'colorRange', 'freq', 'title'], 'Canvas');
    if (!Array.isArray(items) || items.length === 0) throw new TypeError('Canvas: items must be a non-empty array');
    items.forEach((item: CanvasItem, i) => {
      if (item === null || typeof item !== 'object' || !['text', 'dot', 'time'].includes(item.type)) {
        throw new TypeError(`Canvas: items[${i}].type must be 'text', 'dot' or 'time'`);
      }
      if (!Array.isArray(item.coord) || item.coord.length !== 2 || item.coord.some((c) => typeof c !== 'number')) {
        throw new TypeError(`Canvas: items[${i}].coord must be [x, y] in pixels`);
      }
      if (item.type !== 'time' && typeof item.label !== 'string') throw new TypeError(`Canvas: items[${i}].label must be a string`);
    });
    this.items = items.map((item) => ({ ...item }));
    if (raw.image !== undefined) {
      const path = resolve(labelOption(raw.image, '', 'Canvas', 'image'));
      if (!existsSync(path)) throw new Error(`Canvas: image ${path} does not exist`);
      this.image = path;
    } else {
      this.image = null;
    }
    this.size = [numberOption(raw.width, 640, 'Canvas', 'width', POSITIVE_INTEGER), numberOption(raw.height, 480, 'Canvas', 'height', POSITIVE_INTEGER)];
    const range = raw.colorRange ?? [0, 100];
    if (!Array.isArray(range) || range.length !== 2 || range.some((v) => typeof v !== 'number') || !(range[1] > range[0])) {
      throw new RangeError('Canvas: colorRange must be [min, max] with max > min');
    }
    this.colorRange = [range[0] as number, range[1] as number];
    this.freq = numberOption(raw.freq, 5, 'Canvas', 'freq', POSITIVE);
    this.title = raw.title === undefined ? null : labelOption(raw.title, '', 'Canvas', 'title');
  }

  /** The panel: its items, its image and its color range. */
  override panel(): PanelConfig {
    return {
      kind: 'canvas',
      title: this.title ?? this.name,
      settings: { items: this.items, hasImage: this.image !== null, size: this.size, colorRange: this.colorRange },
    };
  }

  /** Sends the values that changed. */
  override loop(): void {
    const data = this.recvLastData(false);
    const changed: Record<string, unknown> = {};
    let any = false;
    for (const item of this.items) {
      if (item.type === 'time' || !(item.label in data) || Object.is(data[item.label], this.last[item.label])) continue;
      changed[item.label] = data[item.label];
      this.last[item.label] = data[item.label];
      any = true;
    }
    if (any) this.toPage({ kind: 'values', values: changed });
  }
}
