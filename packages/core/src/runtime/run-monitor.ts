import type { Link } from '../link/link.js';
import { waitChangeAsync } from '../sync/atomics-wait.js';
import type { ControlBlock } from '../sync/control-block.js';
import { emitRunEvent } from './run-events.js';

/** How often a running run's Links are looked at for dropped messages (ms). */
const LINK_CHECK_PERIOD_MS = 250;

/**
 * Watches a launched run from the main thread and turns what changes in
 * shared memory into run events: the `'paused'` and `'running'` states (it
 * waits on the pause event's cell, so no change is missed), and `linkDrop`
 * when a Link dropped messages (its counters are read 4 times a second and
 * once more at the end). Reading shared memory never disturbs a Block.
 */
export class RunMonitor {
  private readonly reported: number[];
  private timer: NodeJS.Timeout | null = null;
  private watching = false;

  /**
   * @param control the run's control block
   * @param links the run's Links, whose counters are shared with their Blocks
   */
  constructor(private readonly control: ControlBlock, private readonly links: readonly Link[]) {
    this.reported = links.map(() => 0);
  }

  /** Starts watching (the run has just started). */
  start(): void {
    this.watching = true;
    this.timer = setInterval(() => this.checkLinks(), LINK_CHECK_PERIOD_MS);
    this.timer.unref();
    void this.watchPause();
  }

  /** Stops watching, after a last look at the Links (every Block has ended). */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.watching) {
      this.watching = false;
      Atomics.notify(this.control.pause.cells, this.control.pause.index);
    }
    this.checkLinks();
  }

  private async watchPause(): Promise<void> {
    const { pause, stop } = this.control;
    let announced = false;
    while (this.watching) {
      await waitChangeAsync(pause.cells, pause.index, announced ? 1 : 0, Infinity);
      const paused = pause.isSet();
      if (!this.watching || stop.isSet() || paused === announced) continue;
      announced = paused;
      emitRunEvent('state', paused ? 'paused' : 'running');
    }
  }

  private checkLinks(): void {
    this.links.forEach((link, i) => {
      const totalDropped = link.stats.dropped;
      if (totalDropped <= this.reported[i]!) return;
      const dropped = totalDropped - this.reported[i]!;
      this.reported[i] = totalDropped;
      emitRunEvent('linkDrop', { link: link.name, sender: link.sender.name, receiver: link.receiver.name, dropped, totalDropped });
    });
  }
}
