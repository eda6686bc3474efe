import { checkOptions, labelOption, numberOption } from '@crappy/core/options';
import { POSITIVE, UiBlock, type PanelConfig } from '../ui-block.js';

/** Options of {@link Dashboard}. */
export interface DashboardOptions {
  /** Digits after the decimal point of numbers (default 2). */
  digits?: number;
  /** Updates per second (default 10). */
  freq?: number;
  /** Title of the panel. */
  title?: string;
}

/**
 * Shows the latest value of chosen labels on the run's page, as large
 * numbers; a label that never arrived shows "waiting for <label>".
 *
 * @example
 * ```ts
 * const dash = new crappy.blocks.Dashboard(['F(N)', 'Exx(%)'], { digits: 3 });
 * ```
 */
export class Dashboard extends UiBlock {
  /** The labels shown, in order. */
  readonly shown: readonly string[];
  /** Digits after the decimal point. */
  readonly digits: number;
  private last: Record<string, unknown> = {};

  /**
   * @param labels the labels to show
   * @throws TypeError / RangeError naming the wrong argument or option
   */
  constructor(labels: readonly string[], options: DashboardOptions = {}) {
    super();
    const raw = checkOptions(options, ['digits', 'freq', 'title'], 'Dashboard');
    if (!Array.isArray(labels) || labels.length === 0 || labels.some((label) => typeof label !== 'string')) {
      throw new TypeError('Dashboard: labels must be a non-empty array of strings');
    }
    this.shown = [...labels];
    if (raw.digits !== undefined && (!Number.isInteger(raw.digits) || (raw.digits as number) < 0 || (raw.digits as number) > 15)) {
      throw new RangeError(`Dashboard: digits must be an integer from 0 to 15, got ${String(raw.digits)}`);
    }
    this.digits = (raw.digits as number | undefined) ?? 2;
    this.freq = numberOption(raw.freq, 10, 'Dashboard', 'freq', POSITIVE);
    this.title = raw.title === undefined ? null : labelOption(raw.title, '', 'Dashboard', 'title');
  }

  /** The panel: its labels and digits. */
  override panel(): PanelConfig {
    return { kind: 'dashboard', title: this.title ?? this.name, settings: { labels: this.shown, digits: this.digits } };
  }

  /** Sends the labels whose value changed. */
  override loop(): void {
    const data = this.recvLastData(false);
    const changed: Record<string, unknown> = {};
    let any = false;
    for (const label of this.shown) {
      if (!(label in data) || Object.is(data[label], this.last[label])) continue;
      changed[label] = data[label];
      this.last[label] = data[label];
      any = true;
    }
    if (any) this.toPage({ kind: 'values', values: changed });
  }
}
