/**
 * Who may use a run's page: the attacks of another site's page (forged
 * Origin), of a DNS-rebinding page (forged Host), of a client without the
 * token or with a wrong one, and of a view-only page sending commands.
 * Every run is real (a child process); headers are forged with raw clients.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run-script.js';
import { get, openSocket, startUiRun, type Opened, type UiRun } from '../helpers/ui-client.js';
import { skipWithout } from '../helpers/required-tool.js';

/** The token of a printed address. */
const tokenOf = (url: string): string => new URL(url).searchParams.get('token')!;
/** The `/ws` address of a printed one. */
const socketOf = (url: string): string => `${new URL(url).origin.replace(/^http/, 'ws')}/ws`;

/** Stops the run with a control socket, and checks that it ended cleanly. */
async function stopRun(run: UiRun, control: Opened): Promise<string> {
  control.ws.send(JSON.stringify({ type: 'stop' }));
  const result = await run.finished;
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain('start() resolved');
  return result.stdout + result.stderr;
}

describe('the UI server with its token (the default)', () => {
  it('refuses forged Origins and Hosts, missing and wrong tokens, and view-only commands', async () => {
    const run = await startUiRun({});
    try {
      const { url, viewUrl } = run;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
      expect(viewUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
      const base = url.split('?')[0]!;
      const { host, origin } = new URL(url);
      const cookieName = `crappy-ui-${new URL(url).port}`;
      const control = { cookie: `${cookieName}=${tokenOf(url)}`, origin };
      const view = { cookie: `${cookieName}=${tokenOf(viewUrl!)}`, origin };

      // No token, a wrong one: 403, the page and its files alike.
      expect((await get(base)).status).toBe(403);
      expect((await get(`${base}app.js`)).status).toBe(403);
      expect((await get(`${base}?token=wrong`)).status).toBe(403);
      expect((await get(base, { headers: { cookie: `${cookieName}=wrong` } })).status).toBe(403);

      // The printed address: its token becomes an HttpOnly, SameSite=Strict cookie, and leaves the address.
      const login = await get(url);
      expect(login.status).toBe(303);
      expect(login.headers.location).toBe('/');
      expect(login.headers['set-cookie']).toEqual([`${cookieName}=${tokenOf(url)}; Path=/; HttpOnly; SameSite=Strict`]);
      const page = await get(base, { headers: { cookie: control.cookie } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Crappy</title>');
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");

      // Host: the loopback names pass; a DNS-rebinding page's does not, token or not.
      const port = new URL(url).port;
      for (const name of ['localhost', '127.0.0.1', '[::1]']) {
        expect((await get(base, { headers: { cookie: control.cookie, host: `${name}:${port}` } })).status, name).toBe(200);
      }
      expect((await get(url, { headers: { host: `evil.example:${port}` } })).status).toBe(403);
      expect((await get(base, { headers: { cookie: control.cookie, host: `evil.example:${port}` } })).status).toBe(403);
      expect((await get(base, { headers: { cookie: control.cookie, host: `127.0.0.1:${Number(port) + 1}` } })).status).toBe(403);
      // A request from another site's page (it carries its Origin): 403.
      expect((await get(`${base}app.js`, { headers: { cookie: control.cookie, origin: 'http://evil.example' } })).status).toBe(403);

      // The socket: another origin, no Origin, no token, a wrong token, a rebinding Host: 403.
      const ws = socketOf(url);
      const refused: Array<Record<string, string>> = [
        { origin: 'http://evil.example', cookie: control.cookie },
        { origin: 'null', cookie: control.cookie },
        { origin: `http://localhost:${port}`, cookie: control.cookie },
        { cookie: control.cookie },
        { origin },
        { origin, cookie: `${cookieName}=wrong` },
        { origin: `http://evil.example:${port}`, host: `evil.example:${port}`, cookie: control.cookie },
      ];
      for (const headers of refused) {
        const answer = await openSocket(ws, { headers });
        expect(answer.status, JSON.stringify(headers)).toBe(403);
      }
      expect(await openSocket(`${ws}?token=wrong`, { headers: { origin } })).toMatchObject({ status: 403 });

      // A view-only page gets the data, and its commands are refused.
      const viewer = (await openSocket(ws, { headers: view })) as Opened;
      expect(viewer.status).toBe(101);
      const init = await viewer.next('init');
      expect(init.role).toBe('view');
      expect(init.panels).toHaveLength(4);
      const stopButton = (init.panels as Array<{ id: number; kind: string }>).find((p) => p.kind === 'stop-button')!;
      await viewer.next('panel');
      for (const command of [{ type: 'stop' }, { type: 'pause' }, { type: 'click', id: stopButton.id }]) {
        viewer.ws.send(JSON.stringify(command));
        expect(await viewer.next('refused')).toMatchObject({ reason: 'this page is view-only' });
        // The run panel's next update tells the state after the command: unchanged.
        expect(await viewer.next('run')).toMatchObject({ state: 'running' });
      }

      // The control page: its token in the cookie or in the socket's address.
      const byQuery = (await openSocket(`${ws}?token=${tokenOf(url)}`, { headers: { origin } })) as Opened;
      expect((await byQuery.next('init')).role).toBe('control');
      byQuery.ws.close();
      const controller = (await openSocket(ws, { headers: { ...control, host } })) as Opened;
      expect((await controller.next('init')).role).toBe('control');
      const output = await stopRun(run, controller);
      expect(output).toContain('A view-only page sent a command: refused');
      expect(output).toContain('Stop requested from the web page');
      viewer.ws.close();
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

describe('the UI server without token (ui.token false, loopback only)', () => {
  it('serves the page without token, with a warning, and still checks Origin and Host', async () => {
    const run = await startUiRun({ token: false });
    try {
      expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(run.viewUrl).toBeNull();
      const { origin, port } = new URL(run.url);
      expect((await get(run.url)).status).toBe(200);
      expect((await get(run.url, { headers: { host: `evil.example:${port}` } })).status).toBe(403);
      const ws = socketOf(run.url);
      expect(await openSocket(ws, { headers: { origin: 'http://evil.example' } })).toMatchObject({ status: 403 });
      const controller = (await openSocket(ws, { headers: { origin } })) as Opened;
      expect((await controller.next('init')).role).toBe('control');
      expect(await stopRun(run, controller)).toContain('ui.token is false: any program or user of this computer can control the run');
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

describe('the ui options of access', () => {
  it('fail start() before the server listens, naming the option', async () => {
    const run = await runScript('ui/access.ts', { args: [JSON.stringify({ host: '0.0.0.0', token: false })] });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/start\(\) failed: ui\.token: false is allowed only on a loopback host .* on '0\.0\.0\.0' the page always requires its token/);
    expect(run.stdout).not.toContain('Crappy UI:');
  });
});

/** Whether `openssl` can make the test certificate. */
function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(skipWithout(hasOpenssl()))('the UI server over TLS', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crappy-tls-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('serves HTTPS and WSS, with a Secure cookie', async () => {
    // A throwaway self-signed certificate, made for this test only.
    const key = join(folder, 'key.pem');
    const cert = join(folder, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const ca = readFileSync(cert);
    const run = await startUiRun({ tls: { key, cert } });
    try {
      expect(run.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/\?token=/);
      const { origin, port } = new URL(run.url);
      const login = await get(run.url, { ca });
      expect(login.status).toBe(303);
      const cookie = `crappy-ui-${port}=${tokenOf(run.url)}`;
      expect(login.headers['set-cookie']).toEqual([`${cookie}; Path=/; HttpOnly; SameSite=Strict; Secure`]);
      expect((await get(run.url.split('?')[0]!, { ca, headers: { cookie } })).status).toBe(200);
      const ws = `wss://127.0.0.1:${port}/ws`;
      expect(await openSocket(ws, { ca, headers: { cookie, origin: `http://127.0.0.1:${port}` } })).toMatchObject({ status: 403 });
      const controller = (await openSocket(ws, { ca, headers: { cookie, origin } })) as Opened;
      expect((await controller.next('init')).role).toBe('control');
      await stopRun(run, controller);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
