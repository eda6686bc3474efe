import { checkOptions, labelOption, numberOption } from '@crappy/core/options';
import { POSITIVE, POSITIVE_INTEGER, UiBlock, type PanelConfig } from '../ui-block.js';

/** Options of {@link Grapher}. */
export interface GrapherOptions {
  /** Rolling window: the number of most recent points shown per curve; 0 (default) shows the whole test. */
  length?: number;
  /** Most points kept per curve: beyond it, the Block decimates (default 20000). */
  maxPt?: number;
  /** Updates of the plot per second (default 10). */
  freq?: number;
  /** Title of the panel. */
  title?: string;
}

/** The points of one curve, and how it decimates. */
interface Curve {
  x: string;
  y: string;
  xs: number[];
  ys: number[];
  /** Keep one point out of `step`. */
  step: number;
  /** Points received since the last one kept. */
  phase: number;
  newX: number[];
  newY: number[];
}

/**
 * Plots one or more curves (x label, y label) in one uPlot chart on the
 * run's page. With `length` it shows a rolling window of the last `length`
 * points; otherwise the whole test. Whatever the incoming rate, the Block
 * decimates (keeps one point out of n) so that the page never holds more
 * than `maxPt` points per curve: 10 kHz of data do not slow the tab down.
 *
 * @example
 * ```ts
 * const graph = new crappy.blocks.Grapher([['t(s)', 'F(N)'], ['t(s)', 'cmd']], { length: 2000 });
 * ```
 */
export class Grapher extends UiBlock {
  /** The curves, as (x label, y label) pairs. */
  readonly curves: ReadonlyArray<readonly [string, string]>;
  /** Rolling window in points; 0 for the whole test. */
  readonly length: number;
  /** Most points kept per curve. */
  readonly maxPt: number;
  private state: Curve[] = [];
  private replace = false;

  /**
   * @param curves one `[x, y]` label pair, or a list of them (one curve each)
   * @throws TypeError / RangeError naming the wrong argument or option
   */
  constructor(curves: ReadonlyArray<readonly [string, string]> | readonly [string, string], options: GrapherOptions = {}) {
    super();
    const raw = checkOptions(options, ['length', 'maxPt', 'freq', 'title'], 'Grapher');
    const list = (Array.isArray(curves) && typeof curves[0] === 'string' ? [curves] : curves) as ReadonlyArray<readonly [string, string]>;
    if (!Array.isArray(list) || list.length === 0) throw new TypeError('Grapher: curves must be an [x, y] label pair or a non-empty list of them');
    for (const pair of list) {
      if (!Array.isArray(pair) || pair.length !== 2 || pair.some((label) => typeof label !== 'string')) {
        throw new TypeError(`Grapher: each curve must be an [x, y] pair of labels, got ${JSON.stringify(pair)}`);
      }
    }
    this.curves = list.map(([x, y]) => [x, y] as const);
    this.length = raw.length === 0 ? 0 : numberOption(raw.length, 0, 'Grapher', 'length', POSITIVE_INTEGER);
    this.maxPt = numberOption(raw.maxPt, 20000, 'Grapher', 'maxPt', POSITIVE_INTEGER);
    this.freq = numberOption(raw.freq, 10, 'Grapher', 'freq', POSITIVE);
    this.title = raw.title === undefined ? null : labelOption(raw.title, '', 'Grapher', 'title');
  }

  /** One point out of `step` is kept in a rolling window, so that it never holds more than `maxPt`. */
  private get windowStep(): number {
    return this.length > 0 ? Math.max(1, Math.ceil(this.length / this.maxPt)) : 1;
  }

  /** Points kept per curve: the window in kept points, or `maxPt`. */
  private get keep(): number {
    return this.length > 0 ? Math.ceil(this.length / this.windowStep) : this.maxPt;
  }

  /** The panel: its curves, the window and the decimation. */
  override panel(): PanelConfig {
    return {
      kind: 'grapher',
      title: this.title ?? this.name,
      settings: { curves: this.curves, length: this.length, maxPt: this.maxPt, keep: this.keep, rolling: this.length > 0 },
    };
  }

  /** Creates the empty curves. */
  override prepare(): void {
    this.state = this.curves.map(([x, y]) => ({ x, y, xs: [], ys: [], step: this.windowStep, phase: 0, newX: [], newY: [] }));
  }

  /** Takes every waiting point, decimates, and sends what is new to the page. */
  override loop(): void {
    const data = this.recvAllData();
    let changed = false;
    for (const curve of this.state) {
      const xs = data[curve.x];
      const ys = data[curve.y];
      if (xs === undefined || ys === undefined) continue;
      const n = Math.min(xs.length, ys.length);
      for (let i = 0; i < n; i++) {
        curve.phase += 1;
        if (curve.phase < curve.step) continue;
        curve.phase = 0;
        const x = Number(xs[i]);
        const y = Number(ys[i]);
        curve.xs.push(x);
        curve.ys.push(y);
        curve.newX.push(x);
        curve.newY.push(y);
        changed = true;
      }
      if (this.length > 0) {
        const extra = curve.xs.length - this.keep;
        if (extra > 0) {
          curve.xs.splice(0, extra);
          curve.ys.splice(0, extra);
        }
      } else {
        while (curve.xs.length > this.maxPt) {
          // When the halving drops the last point kept, the last one left is `step` points further back.
          if (curve.xs.length % 2 === 0) curve.phase += curve.step;
          curve.xs = curve.xs.filter((_, i) => i % 2 === 0);
          curve.ys = curve.ys.filter((_, i) => i % 2 === 0);
          curve.step *= 2;
          this.replace = true;
        }
      }
    }
    if (!changed && !this.replace) return;
    if (this.replace) {
      this.toPage({ kind: 'series', replace: true, curves: this.state.map((c) => [c.xs, c.ys]) });
    } else {
      this.toPage({ kind: 'series', replace: false, curves: this.state.map((c) => [c.newX, c.newY]) });
    }
    this.replace = false;
    for (const curve of this.state) {
      curve.newX = [];
      curve.newY = [];
    }
  }
}
