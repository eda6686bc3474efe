/**
 * The web UI in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): a run with a Generator feeding a Grapher, a Dashboard
 * and a Canvas, a Button and a StopButton, opened at the printed address
 * (with its token), and its view-only page. Set CRAPPY_UI_SCREENSHOTS=1 to
 * also save the panels' screenshots under docs/img/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, type ScriptResult } from '../helpers/run-script.js';
import { skipWithout } from '../helpers/required-tool.js';

const CHROMIUM = '/usr/bin/chromium';
const IMG = fileURLToPath(new URL('../../docs/img/', import.meta.url));
const shots = process.env.CRAPPY_UI_SCREENSHOTS === '1';

describe.skipIf(skipWithout(existsSync(CHROMIUM)))('the web UI in Chromium', () => {
  let browser: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'crappy-chromium-'));
    // A fresh profile (--user-data-dir) for every run.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('plots, shows values, pauses, resumes, clicks, and StopButton ends the run', async () => {
    let child: ChildProcess | undefined;
    let url = '';
    let found: (value: [string, string]) => void;
    const urlFound = new Promise<[string, string]>((resolve) => (found = resolve));
    let out = '';
    const finished: Promise<ScriptResult> = runScript('ui/run.ts', {
      timeoutMs: 90_000,
      onSpawn: (c) => (child = c),
      onStdout: (chunk) => {
        out += chunk;
        const match = /Crappy UI: (http:\/\/\S+)\n[^]*Crappy UI \(view only\): (http:\/\/\S+)\n/.exec(out);
        if (match) found([match[1]!, match[2]!]);
      },
    });
    try {
      let viewUrl: string;
      [url, viewUrl] = await Promise.race([urlFound, finished.then((r) => Promise.reject(new Error(`the script ended early:\n${r.stderr}`)))]);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
      const page: Page = await browser.newPage();
      // The page logs no error (a missing favicon was one: a 404 in the console).
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      const opened = await page.goto(url);
      // The token went into a cookie, out of the address bar.
      expect(opened?.status()).toBe(200);
      expect(page.url()).toBe(url.split('?')[0]);
      await expect.poll(() => page.locator('body').getAttribute('data-role')).toBe('control');
      expect(await page.locator('#pause').isVisible()).toBe(true);
      expect(await page.locator('#view-only').isVisible()).toBe(false);

      // Points arrive in the Grapher.
      const grapher = page.locator('section[data-kind=grapher]');
      const points = async (): Promise<number> => Number((await grapher.getAttribute('data-points')) ?? 0);
      await expect.poll(points, { timeout: 20_000 }).toBeGreaterThan(50);

      // The Dashboard's value changes.
      const cmd = page.locator('section[data-kind=dashboard] .row[data-label="cmd"] .value');
      const first = await cmd.textContent();
      expect(first).toMatch(/^-?\d+\.\d{3}$/);
      await expect.poll(() => cmd.textContent(), { timeout: 10_000 }).not.toBe(first);
      await expect.poll(() => page.locator('section[data-kind=dashboard] .row[data-label="step"] .value').textContent()).toBe('waiting for step');

      // The run panel shows the state, the loop rates and the Links' counts.
      await expect.poll(() => page.locator('#run-state').textContent()).toBe('running');
      const sent = async (): Promise<number> => Number(await page.locator('#links-table tr[data-link="0"] .sent').textContent());
      await expect.poll(sent).toBeGreaterThan(0);
      await expect.poll(async () => Number(await page.locator('#blocks-table tr[data-block="0"] .rate').textContent()), { timeout: 10_000 }).toBeGreaterThan(10);

      // The Button sends its click count to the Dashboard.
      await page.locator('section[data-kind=button] button').click();
      await expect.poll(() => page.locator('section[data-kind=dashboard] .row[data-label="step"] .value').textContent(), { timeout: 10_000 }).toBe('1.000');

      // The Canvas draws the value.
      await expect.poll(() => page.locator('section[data-kind=canvas] canvas').getAttribute('data-values'), { timeout: 10_000 }).toContain('cmd');

      if (shots) {
        mkdirSync(IMG, { recursive: true });
        await page.waitForTimeout(1500);
        await page.screenshot({ path: join(IMG, 'ui-page.png'), fullPage: true });
        for (const kind of ['grapher', 'dashboard', 'button', 'stop-button', 'canvas']) {
          await page.locator(`section[data-kind=${kind}]`).screenshot({ path: join(IMG, `ui-${kind}.png`) });
        }
        await page.locator('#run-panel').screenshot({ path: join(IMG, 'ui-run-panel.png') });
      }

      // Pause: the Generator sends nothing more, and the plot stops growing.
      await page.locator('#pause').click();
      await expect.poll(() => page.locator('#run-state').textContent()).toBe('paused');
      // What was in flight at the click arrives first: wait until both counts hold still.
      const steady = async (): Promise<[number, number]> => {
        let last = [await sent(), await points()];
        for (let attempt = 0; attempt < 20; attempt++) {
          await page.waitForTimeout(600);
          const now = [await sent(), await points()];
          if (now[0] === last[0] && now[1] === last[1]) return [now[0]!, now[1]!];
          last = now;
        }
        throw new Error(`the Link count and the plot never stopped growing after Pause (last: ${last.join(', ')})`);
      };
      const [pausedSent, pausedPoints] = await steady();
      await page.waitForTimeout(1500);
      expect(await sent()).toBe(pausedSent);
      expect(await points()).toBe(pausedPoints);

      // Resume: it goes on.
      await page.locator('#resume').click();
      await expect.poll(() => page.locator('#run-state').textContent()).toBe('running');
      await expect.poll(sent, { timeout: 10_000 }).toBeGreaterThan(pausedSent);
      await expect.poll(points, { timeout: 10_000 }).toBeGreaterThan(pausedPoints);

      // A browser that reconnects gets the plot back from the server.
      const other = await browser.newPage();
      await other.goto(url);
      await expect.poll(async () => Number((await other.locator('section[data-kind=grapher]').getAttribute('data-points')) ?? 0), { timeout: 10_000 }).toBeGreaterThan(pausedPoints);
      await other.close();

      // The view-only page gets the data, without the controls. (Its cookie replaces the control
      // one in this browser: the control page keeps its open socket.)
      const viewer = await browser.newPage();
      await viewer.goto(viewUrl);
      await expect.poll(async () => Number((await viewer.locator('section[data-kind=grapher]').getAttribute('data-points')) ?? 0), { timeout: 10_000 }).toBeGreaterThan(pausedPoints);
      expect(await viewer.locator('#view-only').isVisible()).toBe(true);
      for (const control of ['#pause', '#resume', '#stop', 'section[data-kind=button] button', 'section[data-kind=stop-button] button']) {
        expect(await viewer.locator(control).isVisible(), control).toBe(false);
      }
      await viewer.close();

      // StopButton: the run ends cleanly and start() resolves.
      await page.locator('section[data-kind=stop-button] button').click();
      const result = await finished;
      expect(errors).toEqual([]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('start() resolved');
      expect(result.stderr).not.toMatch(/ ERROR | CRITICAL /);
      await page.close();
    } finally {
      child?.kill('SIGKILL');
    }
  }, 120_000);
});
