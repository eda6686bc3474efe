/**
 * A Camera Block's panel on the run's page, for the browser test: a
 * FakeCamera with `config: true` holds the test until the page's "Start
 * the test"; a Block marks when the test starts; a StopButton ends the run.
 */
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';

const mark = (value: object): void => void writeSync(1, `@@ ${JSON.stringify(value)}\n`);

class MarkStart extends crappy.Block {
  override get runsWithoutLinks(): boolean {
    return true;
  }
  override begin(): void {
    mark({ event: 'test started' });
  }
  override loop(): void {}
}

new crappy.blocks.Camera('FakeCamera', { config: true, width: 128, height: 96, fps: 50, freq: 50, displayerFramerate: 10 });
new MarkStart({ freq: 10 });
new crappy.blocks.StopButton();
await crappy.start({ logLevel: 'info', ui: { port: 0 } });
if (crappy.isMainThread) mark({ event: 'done' });
