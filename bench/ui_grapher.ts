/**
 * ui_grapher: can the web UI's Grapher keep up with a fast source without the
 * browser tab lagging? A standalone measurement (not in `npm run bench`'s
 * list, it lasts minutes and needs Debian's `chromium`):
 *
 * ```sh
 * npx tsx bench/ui_grapher.ts [--seconds=600] [--rate=10000] [--sample=30]
 * ```
 *
 * A source Block sends `{t(s), signal}` at `--rate` points per second, one
 * message per point, as a user feeding a Grapher would (`freq` 500, several
 * `send()` per loop to follow the clock). Two Graphers plot it: the whole test
 * (`maxPt` 5000) and a rolling window (`length` 20000, `maxPt` 5000). The run
 * serves its page on a free port (port 0); a headless Chromium opens it.
 * Every `--sample` seconds the main thread records the points the Links
 * carried, the points drawn by the page (`data-points`), the page's frame
 * rate (requestAnimationFrame callbacks per second, in 1 s buckets) and its
 * JS heap (CDP `Performance.getMetrics` → `JSHeapUsedSize`, right after a
 * CDP `HeapProfiler.collectGarbage`, so that it is the memory the page keeps).
 * Progress goes to stderr; the last line on stdout is the result:
 * `{"scenario":"ui_grapher","rate_hz",…,"heap_mb_max"}`.
 * @module
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import * as crappy from 'crappy';
import { intArg, percentile, readResult, round, shareResult } from './lib.js';

const CHROMIUM = '/usr/bin/chromium';
const seconds = intArg('seconds', 600);
const rate = intArg('rate', 10000);
const sampleEvery = intArg('sample', 30);
/** Loops per second of the source; each sends rate / LOOP_FREQ points on average. */
const LOOP_FREQ = 500;

/** Sends `rate` points per second, one message each, following the clock; stops the run after `seconds`. */
class Source extends crappy.Block {
  private sent = 0;

  constructor() {
    super();
    this.freq = LOOP_FREQ;
    this.labels = ['t(s)', 'signal'];
  }

  override loop(): void {
    const t = this.clock.time() - this.t0;
    if (t >= seconds) {
      this.stop();
      return;
    }
    // Catch up with the clock, at most 4 loops' worth at once.
    const due = Math.min(Math.floor(t * rate), this.sent + Math.ceil((4 * rate) / LOOP_FREQ));
    while (this.sent < due) {
      const ti = this.sent / rate;
      this.send([ti, Math.sin(2 * Math.PI * 0.5 * ti) + 0.1 * Math.sin(2 * Math.PI * 47 * ti)]);
      this.sent += 1;
    }
  }

  override finish(): void {
    shareResult('source', this.sent);
  }
}

const source = new Source();
const whole = new crappy.blocks.Grapher(['t(s)', 'signal'], { maxPt: 5000, title: 'Whole test' });
const rolling = new crappy.blocks.Grapher(['t(s)', 'signal'], { length: 20000, maxPt: 5000, title: 'Last 20000 points' });
const links = [crappy.link(source, whole), crappy.link(source, rolling)];

/** One sample of the page and the Links. */
interface Sample {
  t: number;
  received: number[];
  dropped: number[];
  drawn: number[];
  heapMb: number;
  fps: number[];
  wsMessages: number;
  wsMb: number;
}

/**
 * Installed in the page before its scripts (as text: a function would carry
 * the helpers tsx adds to it): counts animation frames per second, in 1 s
 * buckets, and the WebSocket's traffic.
 */
const PAGE_PROBE = `(() => {
  window.__fps = [];
  window.__ws = { messages: 0, bytes: 0 };
  let frames = 0;
  let since = performance.now();
  const tick = (now) => {
    frames += 1;
    if (now - since >= 1000) {
      window.__fps.push((frames * 1000) / (now - since));
      frames = 0;
      since = now;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        window.__ws.messages += 1;
        window.__ws.bytes += typeof event.data === 'string' ? event.data.length : 0;
      });
    }
  };
})();`;

const samples: Sample[] = [];
const fps: number[] = [];

/** Main thread: opens the page once the server prints its address, then samples it. */
async function watch(url: string, ended: Promise<void>): Promise<void> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'crappy-bench-chromium-'));
  let browser: BrowserContext | undefined;
  try {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page: Page = browser.pages()[0] ?? (await browser.newPage());
    await page.addInitScript({ content: PAGE_PROBE });
    await page.goto(url);
    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const start = crappy.systemClock.time();
    const sample = async (): Promise<void> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
      const probe = (await page.evaluate(`(() => ({
        buckets: window.__fps.splice(0),
        drawn: Array.from(document.querySelectorAll('section[data-kind=grapher]'), (s) => Number(s.dataset.points ?? 0)),
        ws: window.__ws,
      }))()`)) as { buckets: number[]; drawn: number[]; ws: { messages: number; bytes: number } };
      fps.push(...probe.buckets);
      const s: Sample = {
        t: round(crappy.systemClock.time() - start, 1),
        received: links.map((l) => l.stats.received),
        dropped: links.map((l) => l.stats.dropped),
        drawn: probe.drawn,
        heapMb: round(heap / 2 ** 20, 2),
        fps: [round(percentile(probe.buckets, 50)), round(Math.min(...probe.buckets))],
        wsMessages: probe.ws.messages,
        wsMb: round(probe.ws.bytes / 2 ** 20, 1),
      };
      samples.push(s);
      process.stderr.write(`ui_grapher ${JSON.stringify(s)}\n`);
    };
    await page.waitForTimeout(2000);
    await sample();
    let running = true;
    void ended.then(() => (running = false));
    while (running) {
      await Promise.race([page.waitForTimeout(sampleEvery * 1000), ended]);
      if (running) await sample();
    }
  } finally {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (crappy.isMainThread && !existsSync(CHROMIUM)) throw new Error(`ui_grapher needs ${CHROMIUM} (apt-get install chromium)`);

let watching: Promise<void> = Promise.resolve();
let endRun: () => void = () => {};
const ended = new Promise<void>((resolve) => (endRun = resolve));
if (crappy.isMainThread) {
  // The server prints its address on stdout: catch it there.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const match = /Crappy UI: (http:\/\/\S+)/.exec(String(chunk));
    if (match) watching = watch(match[1]!, ended);
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
}

await crappy.start({ logLevel: 'warning', ui: { port: 0 } });
endRun();
await watching;

const sent = readResult<number>('source');
const received = links.map((l) => l.stats.received);
const dropped = links.map((l) => l.stats.dropped);
const heaps = samples.map((s) => s.heapMb).filter(Number.isFinite);
console.log(
  JSON.stringify({
    scenario: 'ui_grapher',
    rate_hz: rate,
    seconds,
    points_sent: sent,
    points_received_per_s: round(Math.min(...received) / seconds, 1),
    dropped: dropped.reduce((a, b) => a + b, 0),
    points_drawn_end: samples.at(-1)?.drawn ?? [],
    page_fps_p50: round(percentile(fps, 50)),
    page_fps_min: round(Math.min(...fps)),
    heap_mb_start: heaps[0] ?? null,
    heap_mb_end: heaps.at(-1) ?? null,
    heap_mb_max: heaps.length ? Math.max(...heaps) : null,
  }),
);
