/**
 * The camera panel in a real headless Chromium (Debian's `chromium`, driven
 * by playwright-core), against test/scripts/ui/camera-panel.ts: a camera
 * made for the test whose pixel (x, y) is min(255, (x + y) · gain / 10), and
 * which prints every change the page makes. The panel replaces the
 * original's CameraConfig window (crappy/tool/camera_config/camera_config.py):
 * live image, histogram and levels, zoom and pan, the level under the
 * mouse, one control per setting, the software ROI drawn with the mouse, the
 * Block's overlay, and "Start the test". Nothing waits for a fixed time.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, startPageRun, type PageRun } from '../helpers/browser.js';
import { skipWithout } from '../helpers/required-tool.js';

const shots = process.env.CRAPPY_UI_SCREENSHOTS === '1';

describe.skipIf(skipWithout(existsSync(CHROMIUM)))('the camera panel in Chromium', () => {
  let browser: BrowserContext;
  let chromiumRun: Awaited<ReturnType<typeof launchChromium>>;
  let run: PageRun;
  let page: Page;
  const errors: string[] = [];
  /** What the script printed so far. */
  const out = (): string => run.out();

  const panel = (on: Page = page) => on.locator('section[data-kind=camera]');
  const data = async (name: string, on: Page = page): Promise<string | null> => panel(on).getAttribute(`data-${name}`);
  const crop = async (): Promise<number[]> => ((await data('crop')) ?? '').split(',').map(Number);
  /** The page position of frame pixel (x, y), from the image on screen and the part of the frame it shows. */
  const at = async (x: number, y: number): Promise<{ x: number; y: number }> => {
    const box = (await panel().locator('canvas.image').boundingBox())!;
    const [cx, cy, cw, ch] = await crop();
    return { x: box.x + ((x - cx! + 0.5) / cw!) * box.width, y: box.y + ((y - cy! + 0.5) / ch!) * box.height };
  };

  beforeAll(async () => {
    chromiumRun = await launchChromium();
    browser = chromiumRun.browser;
    run = await startPageRun('ui/camera-panel.ts');
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(run.url);
  }, 60_000);

  afterAll(async () => {
    run?.kill();
    await chromiumRun?.close();
  });

  it('shows the live image, its levels and the Block overlay', async () => {
    await expect.poll(() => data('frame-size'), { timeout: 20_000 }).toBe('320x240');
    const first = Number(await data('frame-index'));
    await expect.poll(async () => Number(await data('frame-index'))).toBeGreaterThan(first);
    // (x + y) · 10 / 10 from 0 to 318 + 238, capped at 255: every level is 8 bits.
    await expect.poll(() => panel().locator('.levels').textContent()).toBe('min 0, max 255, 8 bits');
    expect(await data('overlay')).toBe('1');
    expect(await data('crop')).toBe('0,0,320,240');
    if (shots) await panel().screenshot({ path: fileURLToPath(new URL('../../docs/img/ui-camera.png', import.meta.url)) });
  });

  it('shows the level under the mouse, read from the frame itself', async () => {
    const point = await at(30, 40);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => panel().locator('.probe').textContent()).toBe('(30, 40): 70');
  });

  it('zooms with the wheel around the mouse, and pans with the right button', async () => {
    const centre = await at(160, 120);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await crop())[2]).toBe(256);
    const [x, , w, h] = await crop();
    expect(h).toBe(192);
    expect(await panel().locator('.zoom').textContent()).toBe('zoom 125 %');
    // Dragging the image to the right shows what is left of it.
    const from = await at(160, 120);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(from.x + 100, from.y, { steps: 5 });
    await page.mouse.up({ button: 'right' });
    await expect.poll(async () => (await crop())[0]).toBeLessThan(x!);
    expect((await crop())[2]).toBe(w);
  });

  it('changes settings live: a checkbox, a list, a slider', async () => {
    await page.locator('[data-setting=invert] input').check();
    await expect.poll(() => out()).toContain('set invert true');
    await page.locator('[data-setting=pattern] select').selectOption('flat');
    await expect.poll(() => out()).toContain('set pattern flat');
    await expect.poll(() => panel().locator('.levels').textContent()).toBe('min 155, max 155, 8 bits');
    await page.locator('[data-setting=pattern] select').selectOption('diagonal');
    await page.locator('[data-setting=invert] input').uncheck();
    await expect.poll(() => out()).toContain('set invert false');
    // The slider moves to 15: the camera takes it.
    await page.locator('[data-setting=gain] input').evaluate((input: { value: string; dispatchEvent(event: Event): boolean }) => {
      input.value = '15';
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
    });
    await expect.poll(() => out()).toContain('set gain 15');
    expect(await page.locator('[data-setting=gain] output').textContent()).toBe('15');
  });

  it('draws the software ROI with the mouse: the frames shrink to it', async () => {
    // Back to the whole frame, then a drag from (40, 30) to (200, 150).
    await page.mouse.move(0, 0);
    const start = await at(40, 30);
    const end = await at(200, 150);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => /roi \d+ \d+ \d+ \d+/.test(out())).toBe(true);
    const roi = /roi (\d+) (\d+) (\d+) (\d+)/.exec(out())!;
    const [x, y, w, h] = roi.slice(1).map(Number);
    // Within a pixel of the drag (the image on screen is scaled).
    expect(Math.abs(x! - 40)).toBeLessThanOrEqual(2);
    expect(Math.abs(y! - 30)).toBeLessThanOrEqual(2);
    expect(Math.abs(w! - 160)).toBeLessThanOrEqual(3);
    expect(Math.abs(h! - 120)).toBeLessThanOrEqual(3);
    await expect.poll(() => data('frame-size')).toBe(`${w}x${h}`);
    expect(await page.locator('[data-setting=ROI_width] output').textContent()).toBe(String(w));
    // "Whole image" gives the whole frame back.
    await panel().locator('button.reset-roi').click();
    await expect.poll(() => data('frame-size')).toBe('320x240');
  });

  it('a view-only page sees the image and the settings, and can change none of them', async () => {
    const viewer = await browser.newPage();
    await viewer.goto(run.viewUrl);
    await expect.poll(() => data('frame-size', viewer), { timeout: 20_000 }).toBe('320x240');
    expect(await viewer.locator('[data-setting=gain] input').isDisabled()).toBe(true);
    expect(await viewer.locator('section[data-kind=camera] button.start').isVisible()).toBe(false);
    await viewer.close();
  });

  it('"Start the test" ends the hold', async () => {
    expect(await data('waiting')).toBe('true');
    await panel().locator('button.start').click();
    await expect.poll(() => out()).toContain('released');
    await expect.poll(() => data('waiting')).toBe('false');
    expect(await panel().locator('.camera-waiting').isVisible()).toBe(false);
  });

  it('ends with the StopButton, without an error on the page', async () => {
    await page.locator('section[data-kind=stop-button] button').click();
    const result = await run.finished;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('start() resolved');
    expect(errors).toEqual([]);
  });
});
