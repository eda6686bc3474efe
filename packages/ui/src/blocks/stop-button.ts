import { checkOptions, labelOption, numberOption } from '@crappy/core/options';
import { POSITIVE, UiBlock, type PanelConfig } from '../ui-block.js';

/** Options of {@link StopButton}. */
export interface StopButtonOptions {
  /** Loops per second (default 10; the Block has nothing to do). */
  freq?: number;
  /** Title of the panel. */
  title?: string;
}

/**
 * A big Stop button on the run's page: a click stops the whole run cleanly
 * (every Block's `finish()` runs, `start()` resolves).
 */
export class StopButton extends UiBlock {
  /** @throws TypeError / RangeError naming the wrong option */
  constructor(options: StopButtonOptions = {}) {
    super();
    const raw = checkOptions(options, ['freq', 'title'], 'StopButton');
    this.freq = numberOption(raw.freq, 10, 'StopButton', 'freq', POSITIVE);
    this.title = raw.title === undefined ? null : labelOption(raw.title, '', 'StopButton', 'title');
    this.pausable = false;
  }

  /** A StopButton needs no Link. */
  override get runsWithoutLinks(): boolean {
    return true;
  }

  /** The panel: a stop button. */
  override panel(): PanelConfig {
    return { kind: 'stop-button', title: this.title ?? this.name, settings: {} };
  }

  /** Listens for the click (the server also sets the stop event itself). */
  override begin(): void {
    this.onPage((event) => {
      if (event.kind === 'click') this.stop();
    });
  }

  /** Nothing to do: the click arrives as an event. */
  override loop(): void {}
}
