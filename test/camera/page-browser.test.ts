/**
 * A real Camera Block's panel in headless Chromium (test/scripts/camera/
 * page.ts): with `config: true` the test waits, as the original waits for
 * its CameraConfig window to close, while the page shows the camera's
 * frames and settings; "Start the test" starts it. Nothing waits for a
 * fixed time.
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, startPageRun, type PageRun } from '../helpers/browser.js';
import { skipWithout } from '../helpers/required-tool.js';

describe.skipIf(skipWithout(existsSync(CHROMIUM)))("a Camera Block's panel in Chromium", () => {
  let chromiumRun: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let run: PageRun | undefined;

  afterAll(async () => {
    run?.kill();
    await chromiumRun?.close();
  });

  it('holds the test while the page shows the frames, until "Start the test"', { timeout: 120_000 }, async () => {
    chromiumRun = await launchChromium();
    run = await startPageRun('camera/page.ts', 110_000);
    const { url, out, finished } = run;
    const page = await chromiumRun.browser.newPage();
    await page.goto(url);
    const panel = page.locator('section[data-kind=camera]');
    await expect.poll(() => panel.getAttribute('data-frame-size'), { timeout: 30_000 }).toBe('128x96');
    // The camera's own settings, and the hold.
    await expect.poll(() => panel.getAttribute('data-waiting')).toBe('true');
    for (const name of ['speed', 'fps', 'ROI_x', 'ROI_width']) expect(await page.locator(`[data-setting=${name}]`).count()).toBe(1);
    // Frames keep coming while the test waits, and the test has not started.
    const first = Number(await panel.getAttribute('data-frame-index'));
    await expect.poll(async () => Number(await panel.getAttribute('data-frame-index'))).not.toBe(first);
    expect(out()).not.toContain('"test started"');
    await panel.locator('button.start').click();
    await expect.poll(() => out(), { timeout: 30_000 }).toContain('"test started"');
    await expect.poll(() => panel.getAttribute('data-waiting')).toBe('false');
    await page.locator('section[data-kind=stop-button] button').click();
    const result = await finished;
    expect(result.code, result.stderr).toBe(0);
    expect(out()).toContain('"done"');
  });
});
