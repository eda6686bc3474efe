/**
 * What the browser tests share: Debian's Chromium in a fresh profile,
 * driven by playwright-core, and a script of test/scripts/ whose run serves
 * the page, with the addresses it prints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { chromium, type BrowserContext } from 'playwright-core';
import { runScript, type ScriptResult } from './run-script.js';

/** Debian's Chromium (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium, headless, in a new profile; `close()` also deletes the profile. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'crappy-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A run serving the page: its addresses, its output so far, its end. */
export interface PageRun {
  /** The page's address with its control token. */
  url: string;
  /** The view-only address. */
  viewUrl: string;
  /** What the script printed so far. */
  out(): string;
  /** Its end. */
  finished: Promise<ScriptResult>;
  /** Kills it (after the tests, in case one failed before it ended). */
  kill(): void;
}

/**
 * Starts `script` (under test/scripts/) and resolves once it printed its
 * page's two addresses; rejects if it ends before.
 */
export async function startPageRun(script: string, timeoutMs = 150_000): Promise<PageRun> {
  let out = '';
  let child: ChildProcess | undefined;
  let found: (urls: [string, string]) => void;
  const urlsFound = new Promise<[string, string]>((resolve) => (found = resolve));
  const finished = runScript(script, {
    timeoutMs,
    onSpawn: (c) => (child = c),
    onStdout: (chunk) => {
      out += chunk;
      const match = /Crappy UI: (http:\/\/\S+)\n[^]*Crappy UI \(view only\): (http:\/\/\S+)\n/.exec(out);
      if (match) found([match[1]!, match[2]!]);
    },
  });
  const [url, viewUrl] = await Promise.race([urlsFound, finished.then((r) => Promise.reject(new Error(`the script ended early:\n${r.stderr}`)))]);
  return { url, viewUrl, out: () => out, finished, kill: () => child?.kill('SIGKILL') };
}
