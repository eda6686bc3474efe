import { checkOptions, labelOption, numberOption } from '@crappy/core/options';
import { POSITIVE, UiBlock, type PanelConfig } from '../ui-block.js';

/** Options of {@link Button}. */
export interface ButtonOptions {
  /** Label of the value sent (default `'step'`). */
  label?: string;
  /** Label of the time sent with it (default `'t(s)'`). */
  timeLabel?: string;
  /** Value sent on each click; by default, the number of clicks so far (1, 2, 3...). */
  value?: number | string | boolean;
  /** Send the current value at every loop, not only on a click (default false). */
  spam?: boolean;
  /** Send the value 0 (or `value`) once at the start (default false). */
  sendAtStart?: boolean;
  /** Loops per second (default 50). */
  freq?: number;
  /** Title of the panel and text of the button (default: the label). */
  title?: string;
}

/**
 * A button on the run's page: each click sends `{[timeLabel]: t, [label]: value}`
 * to the output Links, `value` being the click count unless given.
 */
export class Button extends UiBlock {
  /** Label of the value sent. */
  readonly label: string;
  /** Label of the time sent. */
  readonly timeLabel: string;
  /** Fixed value sent on a click, or `null` for the click count. */
  readonly value: number | string | boolean | null;
  /** Whether the current value goes out at every loop. */
  readonly spam: boolean;
  /** Whether a first value goes out at the start. */
  readonly sendAtStart: boolean;
  private clicks = 0;
  private sentClicks = 0;

  /** @throws TypeError / RangeError naming the wrong option */
  constructor(options: ButtonOptions = {}) {
    super();
    const raw = checkOptions(options, ['label', 'timeLabel', 'value', 'spam', 'sendAtStart', 'freq', 'title'], 'Button');
    this.label = labelOption(raw.label, 'step', 'Button', 'label');
    this.timeLabel = labelOption(raw.timeLabel, 't(s)', 'Button', 'timeLabel');
    if (raw.value !== undefined && !['number', 'string', 'boolean'].includes(typeof raw.value)) {
      throw new TypeError(`Button: value must be a number, a string or a boolean, got ${String(raw.value)}`);
    }
    this.value = (raw.value as number | string | boolean | undefined) ?? null;
    for (const name of ['spam', 'sendAtStart'] as const) {
      if (raw[name] !== undefined && typeof raw[name] !== 'boolean') throw new TypeError(`Button: ${name} must be a boolean`);
    }
    this.spam = raw.spam === true;
    this.sendAtStart = raw.sendAtStart === true;
    this.freq = numberOption(raw.freq, 50, 'Button', 'freq', POSITIVE);
    this.title = raw.title === undefined ? null : labelOption(raw.title, '', 'Button', 'title');
    this.labels = [this.timeLabel, this.label];
  }

  /** The panel: a button. */
  override panel(): PanelConfig {
    return { kind: 'button', title: this.title ?? this.label, settings: { label: this.label } };
  }

  /** Counts the clicks, and sends the first value if asked. */
  override begin(): void {
    this.onPage((event) => {
      if (event.kind === 'click') this.clicks += 1;
    });
    if (this.sendAtStart) this.send([this.clock.time() - this.t0, this.value ?? 0]);
  }

  /** Sends the value after a click (or always, with `spam`). */
  override loop(): void {
    const clicked = this.clicks > this.sentClicks;
    if (!clicked && !(this.spam && this.sentClicks > 0)) return;
    this.sentClicks = this.clicks;
    this.send([this.clock.time() - this.t0, this.value ?? this.clicks]);
  }
}
