/**
 * The web UI in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): one run of test/scripts/ui/run.ts, with a Generator
 * feeding a Grapher, a Dashboard and a Canvas, a Button and a StopButton,
 * opened at the printed address (with its token), then one test per
 * feature, in order, on that run; the last one ends it with the
 * StopButton. Nothing waits for a fixed time: each check waits for what
 * the page shows, with a generous bound. Set CRAPPY_UI_SCREENSHOTS=1 to also
 * save the panels' screenshots under docs/img/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, startPageRun, type PageRun } from '../helpers/browser.js';
import { skipWithout } from '../helpers/required-tool.js';

const IMG = fileURLToPath(new URL('../../docs/img/', import.meta.url));
const shots = process.env.CRAPPY_UI_SCREENSHOTS === '1';

describe.skipIf(skipWithout(existsSync(CHROMIUM)))('the web UI in Chromium', () => {
  let browser: BrowserContext;
  let chromiumRun: Awaited<ReturnType<typeof launchChromium>>;
  let run: PageRun;
  let url: string;
  let viewUrl: string;
  let page: Page;
  /** What the control page logged as errors (a missing favicon was one: a 404 in the console). */
  const errors: string[] = [];

  /** The number of points of the Grapher on `on`. */
  const points = async (on: Page = page): Promise<number> =>
    Number((await on.locator('section[data-kind=grapher]').getAttribute('data-points')) ?? 0);
  /** A count of the Generator → Grapher Link in the run panel. */
  const linkCount = async (column: 'sent' | 'received' | 'dropped'): Promise<number> =>
    Number(await page.locator(`#links-table tr[data-link="0"] .${column}`).textContent());
  /** The run's elapsed time the page shows (s), from the server's updates. */
  const elapsed = async (): Promise<number> => Number(await page.locator('#run-elapsed').textContent());
  const dashboard = (label: string) => page.locator(`section[data-kind=dashboard] .row[data-label="${label}"] .value`);

  beforeAll(async () => {
    chromiumRun = await launchChromium();
    browser = chromiumRun.browser;
    run = await startPageRun('ui/run.ts');
    ({ url, viewUrl } = run);
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    run?.kill();
    await chromiumRun?.close();
  });

  it('opens the control page: the token moves from the address to a cookie', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
    const opened = await page.goto(url);
    expect(opened?.status()).toBe(200);
    expect(page.url()).toBe(url.split('?')[0]);
    await expect.poll(() => page.locator('body').getAttribute('data-role')).toBe('control');
    expect(await page.locator('#pause').isVisible()).toBe(true);
    expect(await page.locator('#view-only').isVisible()).toBe(false);
  });

  it('Grapher: plots one point per message, no more than its Link carried', async () => {
    await expect.poll(() => points(), { timeout: 20_000 }).toBeGreaterThan(50);
    // Below maxPt (20 000) nothing is decimated: each point drawn is a message the Link counts as received
    // (the run panel's counts come 4 times a second, the plot 10 times: wait for the counts to catch up).
    const drawn = await points();
    await expect.poll(() => linkCount('received')).toBeGreaterThanOrEqual(drawn);
  });

  it('Dashboard: shows the value with 3 digits as it changes, and "waiting for step" until one comes', async () => {
    const first = await dashboard('cmd').textContent();
    expect(first).toMatch(/^-?\d+\.\d{3}$/);
    // The Generator's sine stays within offset ± amplitude.
    expect(Math.abs(Number(first) - 20)).toBeLessThanOrEqual(10);
    await expect.poll(() => dashboard('cmd').textContent()).not.toBe(first);
    expect(await dashboard('step').textContent()).toBe('waiting for step');
  });

  it("run panel: the state, the Blocks' loop rates, the Links' sent, received and dropped counts", async () => {
    await expect.poll(() => page.locator('#run-state').textContent()).toBe('running');
    await expect.poll(() => linkCount('sent')).toBeGreaterThan(0);
    expect(await linkCount('received')).toBeLessThanOrEqual(await linkCount('sent'));
    expect(await linkCount('dropped')).toBe(0);
    // The Generator loops at 200 Hz: its rate shows a number.
    await expect.poll(async () => Number(await page.locator('#blocks-table tr[data-block="0"] .rate').textContent())).toBeGreaterThan(10);
  });

  it('Button: each click sends the click count to the Dashboard', async () => {
    const button = page.locator('section[data-kind=button] button');
    await button.click();
    await expect.poll(() => dashboard('step').textContent()).toBe('1.000');
    await button.click();
    await expect.poll(() => dashboard('step').textContent()).toBe('2.000');
  });

  it('Canvas: draws the values it receives', async () => {
    await expect.poll(async () => JSON.parse((await page.locator('section[data-kind=canvas] canvas').getAttribute('data-values')) ?? '{}') as Record<string, unknown>).toHaveProperty('cmd');
  });

  it.runIf(shots)('saves the screenshots of the page and the panels', async () => {
    mkdirSync(IMG, { recursive: true });
    await expect.poll(() => points()).toBeGreaterThan(300);
    await page.screenshot({ path: join(IMG, 'ui-page.png'), fullPage: true });
    for (const kind of ['grapher', 'dashboard', 'button', 'stop-button', 'canvas']) {
      await page.locator(`section[data-kind=${kind}]`).screenshot({ path: join(IMG, `ui-${kind}.png`) });
    }
    await page.locator('#run-panel').screenshot({ path: join(IMG, 'ui-run-panel.png') });
  });

  it('Pause stops the Generator and the plot; Resume makes them go on', async () => {
    await page.locator('#pause').click();
    await expect.poll(() => page.locator('#run-state').textContent()).toBe('paused');
    // The Blocks stop within a loop of the pause: after a second of the run (as the server counts it)
    // the counts are final; two more seconds later, nothing more was sent or drawn.
    const pausedAt = await elapsed();
    await expect.poll(elapsed, { timeout: 15_000 }).toBeGreaterThanOrEqual(pausedAt + 1);
    const held = [await linkCount('sent'), await points()];
    const heldAt = await elapsed();
    await expect.poll(elapsed, { timeout: 15_000 }).toBeGreaterThanOrEqual(heldAt + 2);
    expect([await linkCount('sent'), await points()]).toEqual(held);

    await page.locator('#resume').click();
    await expect.poll(() => page.locator('#run-state').textContent()).toBe('running');
    await expect.poll(() => linkCount('sent')).toBeGreaterThan(held[0]!);
    await expect.poll(() => points()).toBeGreaterThan(held[1]!);
  });

  it('a page that reconnects gets the whole plot back from the server', async () => {
    const shown = await points();
    const other = await browser.newPage();
    await other.goto(url);
    await expect.poll(() => points(other)).toBeGreaterThanOrEqual(shown);
    await other.close();
  });

  it('the view-only page gets the data, without the controls', async () => {
    // Its cookie replaces the control one in this browser: the control page keeps its open socket.
    const shown = await points();
    const viewer = await browser.newPage();
    await viewer.goto(viewUrl);
    await expect.poll(() => points(viewer)).toBeGreaterThanOrEqual(shown);
    expect(await viewer.locator('#view-only').isVisible()).toBe(true);
    for (const control of ['#pause', '#resume', '#stop', 'section[data-kind=button] button', 'section[data-kind=stop-button] button']) {
      expect(await viewer.locator(control).isVisible(), control).toBe(false);
    }
    await viewer.close();
  });

  it('StopButton ends the run cleanly, start() resolves, and the page logged no error', async () => {
    await page.locator('section[data-kind=stop-button] button').click();
    const result = await run.finished;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('start() resolved');
    expect(result.stderr).not.toMatch(/ ERROR | CRITICAL /);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);
});
