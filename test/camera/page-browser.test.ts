/**
 * A real Camera Block's panel in headless Chromium (test/scripts/camera/
 * page.ts): with `config: true` the test waits, as the original waits for
 * its CameraConfig window to close, while the page shows the camera's
 * frames and settings; "Start the test" starts it. Nothing waits for a
 * fixed time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.js';
import { skipWithout } from '../helpers/required-tool.js';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(skipWithout(existsSync(CHROMIUM)))("a Camera Block's panel in Chromium", () => {
  let browser: BrowserContext | undefined;
  let child: ChildProcess | undefined;
  const profile = mkdtempSync(join(tmpdir(), 'crappy-chromium-'));

  afterAll(async () => {
    child?.kill('SIGKILL');
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('holds the test while the page shows the frames, until "Start the test"', { timeout: 120_000 }, async () => {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    let out = '';
    let found: (url: string) => void;
    const urlFound = new Promise<string>((resolve) => (found = resolve));
    const finished = runScript('camera/page.ts', {
      timeoutMs: 110_000,
      onSpawn: (c) => (child = c),
      onStdout: (chunk) => {
        out += chunk;
        const match = /Crappy UI: (http:\/\/\S+)\n/.exec(out);
        if (match) found(match[1]!);
      },
    });
    const url = await Promise.race([urlFound, finished.then((r) => Promise.reject(new Error(`the script ended early:\n${r.stderr}`)))]);
    const page = await browser.newPage();
    await page.goto(url);
    const panel = page.locator('section[data-kind=camera]');
    await expect.poll(() => panel.getAttribute('data-frame-size'), { timeout: 30_000 }).toBe('128x96');
    // The camera's own settings, and the hold.
    await expect.poll(() => panel.getAttribute('data-waiting')).toBe('true');
    for (const name of ['speed', 'fps', 'ROI_x', 'ROI_width']) expect(await page.locator(`[data-setting=${name}]`).count()).toBe(1);
    // Frames keep coming while the test waits, and the test has not started.
    const first = Number(await panel.getAttribute('data-frame-index'));
    await expect.poll(async () => Number(await panel.getAttribute('data-frame-index'))).not.toBe(first);
    expect(out).not.toContain('"test started"');
    await panel.locator('button.start').click();
    await expect.poll(() => out, { timeout: 30_000 }).toContain('"test started"');
    await expect.poll(() => panel.getAttribute('data-waiting')).toBe('false');
    await page.locator('section[data-kind=stop-button] button').click();
    const result = await finished;
    expect(result.code, result.stderr).toBe(0);
    expect(out).toContain('"done"');
  });
});
