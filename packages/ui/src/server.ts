import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { events, LogLevel, systemClock, type LinkDropEvent, type RunContext, type RunPhase } from '@crappy/core';
import type { WebSocket, WebSocketServer } from 'ws';
import type { PanelConfig, PanelUpdate } from './ui-block.js';
import { Canvas } from './blocks/canvas.js';
import { LoopRates } from './loop-rates.js';
import { checkOptions } from '@crappy/core/options';
import type { UiBlock } from './ui-block.js';
import { DEFAULT_UI_PORT, type UiOptions } from './ui-options.js';
import { AccessControl, SECURITY_HEADERS, type Role } from './security/access-control.js';
import { readAccessOptions } from './security/access-options.js';
import { isLoopback, isWildcard, urlHost } from './security/hosts.js';
import { isCameraPanelBlock, type CameraPanelSettings } from './camera/camera-feed.js';
import { CameraPanel } from './camera/camera-panel.js';

/** A panel of the page and what the server keeps of it for browsers that connect later. */
interface Panel {
  id: number;
  block: UiBlock;
  config: PanelConfig;
  values: Record<string, unknown>;
  curves: Array<[number[], number[]]>;
}

const STATIC = fileURLToPath(new URL('../static/', import.meta.url));
const require = createRequire(import.meta.url);
const FILES: Record<string, string> = {
  '/': `${STATIC}index.html`,
  '/app.js': `${STATIC}app.js`,
  '/camera-panel.js': `${STATIC}camera-panel.js`,
  '/style.css': `${STATIC}style.css`,
  '/uPlot.min.js': require.resolve('uplot/dist/uPlot.iife.min.js'),
  '/uPlot.min.css': require.resolve('uplot/dist/uPlot.min.css'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};
/** Run panel updates per second. */
const STATUS_HZ = 4;
/** What a view-only page may send: how it shows a camera's image, which changes nothing of the run. */
const VIEWER_MESSAGES = new Set(['camera-view', 'camera-probe']);
/** What the operator's page sends to a camera panel. */
const CAMERA_COMMANDS = new Set(['camera-setting', 'camera-roi', 'camera-draw', 'camera-start']);

/**
 * The run's web server, in the main thread: serves the page and its assets,
 * keeps each panel's state, relays panel updates from the UI Blocks to the
 * browsers over a WebSocket, and the browsers' clicks and run commands
 * (pause, resume, stop) to the run.
 * @internal
 */
export class UiServer {
  private readonly panels: Panel[];
  /** The camera panels, by panel id. */
  private readonly cameras = new Map<number, CameraPanel>();
  /** Created in listen(): HTTP or HTTPS, as the options say. */
  private http: Server | null = null;
  private access: AccessControl | null = null;
  /** Created in listen(): `ws` is loaded only by the main thread of a run with a UI (it costs a worker ~60 ms and 15 MB). */
  private wss: WebSocketServer | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly loopRates = new LoopRates();
  private rates: Array<number | null>;
  private stoppedAt: number | null = null;
  /** The run's state, as the run events tell it. */
  private phase: RunPhase = 'preparing';
  /** Messages each Link dropped, as the run events tell it. */
  private readonly dropped: number[];
  private readonly onState = (phase: RunPhase): void => {
    this.phase = phase;
  };
  private readonly onLinkDrop = (drop: LinkDropEvent): void => {
    const index = this.run.links.findIndex(
      (link) => link.name === drop.link && link.sender.name === drop.sender && link.receiver.name === drop.receiver,
    );
    if (index >= 0) this.dropped[index] = drop.totalDropped;
  };
  /** The page's address, once listening, with the token that gives control of the run. */
  url = '';
  /** The address of the view-only page (plots and values, no controls), or `null` when no token is required. */
  viewUrl: string | null = null;

  /**
   * @param loops each Block's count of started loops, in shared memory
   * @param lastLoops when each Block started its latest loop (seconds of the run's clock, 0 before the first)
   */
  constructor(
    private readonly run: RunContext,
    blocks: Array<{ id: number; block: UiBlock; config: PanelConfig }>,
    private readonly loops: Int32Array,
    private readonly lastLoops: Float64Array,
  ) {
    this.panels = blocks.map(({ id, block, config }) => ({ id, block, config, values: {}, curves: [] }));
    for (const { id, block, config } of this.panels) {
      if (config.kind !== 'camera' || !isCameraPanelBlock(block)) continue;
      const host = {
        values: (values: object): void => this.update(id, { kind: 'values', values: { ...values } }),
        error: (message: string): void => run.log(LogLevel.ERROR, message),
      };
      this.cameras.set(id, new CameraPanel(id, block, config.settings as unknown as CameraPanelSettings, host));
    }
    this.rates = run.blocks.map(() => null);
    this.dropped = run.links.map(() => 0);
    // The run panel follows the run through the same events as any script.
    events.on('state', this.onState);
    events.on('linkDrop', this.onLinkDrop);
  }

  /**
   * Starts listening; resolves with the page's address (with its control token).
   * @throws Error when the port is taken, the address is not valid, or an access option is wrong (naming it)
   */
  async listen(options: UiOptions): Promise<string> {
    checkOptions(options, ['host', 'port', 'open', 'token', 'tls', 'allowedHosts'], 'start(): ui');
    const host = options.host ?? '127.0.0.1';
    const envPort = process.env.CRAPPY_UI_PORT;
    const port = options.port ?? (envPort !== undefined && envPort !== '' ? Number(envPort) : DEFAULT_UI_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`ui.port must be an integer from 0 to 65535, got ${String(port)}`);
    const settings = readAccessOptions(options, host);
    const serve = (req: IncomingMessage, res: ServerResponse): void => void this.serve(req, res);
    const http = settings.tls === null ? createServer(serve) : createHttpsServer(settings.tls, serve);
    this.http = http;
    const { WebSocketServer } = await import('ws');
    this.wss = new WebSocketServer({ noServer: true });
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        const why =
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use (another run or program?): choose another with start({ ui: { port } }), or 0 for a free one`
            : error.message;
        reject(new Error(`The Crappy UI server could not listen on ${host}:${port}: ${why}`));
      };
      http.once('error', onError);
      http.listen(port, host, () => {
        http.off('error', onError);
        resolve();
      });
    });
    const address = http.address();
    const actual = typeof address === 'object' && address !== null ? address.port : port;
    const access = new AccessControl(settings, host, actual);
    this.access = access;
    const base = `${settings.tls === null ? 'http' : 'https'}://${isWildcard(host) ? 'localhost' : urlHost(host)}:${actual}/`;
    this.url = `${base}${access.query('control')}`;
    this.viewUrl = access.tokens === null ? null : `${base}${access.query('view')}`;
    if (!settings.token) this.run.log(LogLevel.WARNING, 'ui.token is false: any program or user of this computer can control the run from its page');
    if (settings.tls === null && !isLoopback(host)) {
      this.run.log(LogLevel.WARNING, `The UI page is served on ${host} without ui.tls: its token crosses the network in clear`);
    }
    this.timer = setInterval(() => this.broadcastStatus(), 1000 / STATUS_HZ);
    this.timer.unref();
    const open = options.open ?? process.env.CRAPPY_UI_OPEN === '1';
    if (open) openBrowser(this.url);
    return this.url;
  }

  /** A panel update from the worker of Block `blockIndex`. */
  update(blockIndex: number, update: PanelUpdate): void {
    const panel = this.panels.find((p) => p.id === blockIndex);
    if (panel === undefined) return;
    if (update.kind === 'values') {
      Object.assign(panel.values, update.values);
    } else if (update.kind === 'series') {
      if (update.replace) {
        panel.curves = update.curves.map(([x, y]) => [[...x], [...y]]);
      } else {
        const keep = panel.config.settings.keep as number;
        update.curves.forEach(([x, y], i) => {
          const curve = (panel.curves[i] ??= [[], []]);
          for (let k = 0; k < x.length; k++) {
            curve[0].push(x[k]!);
            curve[1].push(y[k]!);
          }
          const extra = curve[0].length - keep;
          if (extra > 0) {
            curve[0].splice(0, extra);
            curve[1].splice(0, extra);
          }
        });
      }
    }
    this.broadcast({ type: 'panel', id: blockIndex, update });
  }

  /** Sends the last state, closes every connection and the server. */
  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    for (const camera of this.cameras.values()) camera.close();
    events.off('state', this.onState);
    events.off('linkDrop', this.onLinkDrop);
    this.broadcastStatus(true);
    const wss = this.wss;
    if (wss !== null) {
      for (const client of wss.clients) client.close(1001, 'run ended');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    }
    const http = this.http;
    if (http === null) return;
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const verdict = this.access?.check(req, false) ?? { kind: 'refuse', reason: 'not listening yet' };
    if (verdict.kind === 'refuse') {
      res.writeHead(403, { 'content-type': 'text/plain' }).end(`Forbidden: ${verdict.reason}`);
      return;
    }
    if (verdict.kind === 'login') {
      res.writeHead(303, { location: verdict.location, 'set-cookie': verdict.cookie, 'cache-control': 'no-store' }).end();
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    let file = FILES[path];
    const image = /^\/image\/(\d+)$/.exec(path);
    if (image !== null) {
      const block = this.panels.find((p) => p.id === Number(image[1]))?.block;
      if (block instanceof Canvas && block.image !== null) file = block.image;
    }
    if (file === undefined || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`Cannot read ${file}`);
    }
  }

  /** A WebSocket upgrade: on `/ws`, from the page's own origin, with a token; refused with a 403 otherwise. */
  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const wss = this.wss;
    const verdict = this.access?.check(req, true);
    if (wss === null || verdict === undefined || (req.url ?? '').split('?')[0] !== '/ws' || verdict.kind !== 'allow') {
      const reason = verdict?.kind === 'refuse' ? verdict.reason : 'not a socket of this page';
      socket.end(`HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-type: text/plain\r\n\r\nForbidden: ${reason}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws, verdict.role));
  }

  private connect(ws: WebSocket, role: Role): void {
    const { blocks, links } = this.run;
    ws.send(
      JSON.stringify({
        type: 'init',
        role,
        blocks: blocks.map((block) => block.name),
        links: links.map((link) => ({ name: link.name, from: link.sender.name, to: link.receiver.name })),
        panels: this.panels.map((p) => ({ id: p.id, name: p.block.name, ...p.config, values: p.values, curves: p.curves })),
      }),
    );
    ws.send(JSON.stringify(this.status()));
    ws.on('close', () => {
      for (const camera of this.cameras.values()) camera.forget(ws);
    });
    let warned = false;
    ws.on('message', (raw) => {
      const message = parseMessage(String(raw));
      if (message !== null && typeof message.type === 'string' && VIEWER_MESSAGES.has(message.type)) {
        if (typeof message.id === 'number') this.cameras.get(message.id)?.view(ws, message);
      } else if (role === 'control') {
        if (message !== null) this.command(message);
      } else {
        ws.send(JSON.stringify({ type: 'refused', reason: 'this page is view-only' }));
        if (!warned) this.run.log(LogLevel.WARNING, 'A view-only page sent a command: refused');
        warned = true;
      }
    });
  }

  private command(message: PageMessage): void {
    const { control } = this.run;
    switch (message.type) {
      case 'pause':
        if (!control.pause.isSet()) this.run.log(LogLevel.INFO, 'Paused from the web page');
        control.pause.set();
        break;
      case 'resume':
        if (control.pause.isSet()) this.run.log(LogLevel.INFO, 'Resumed from the web page');
        control.pause.clear();
        break;
      case 'stop':
        if (!control.stop.isSet()) this.run.log(LogLevel.INFO, 'Stop requested from the web page');
        control.stop.set();
        break;
      case 'click': {
        const panel = this.panels.find((p) => p.id === message.id);
        if (panel === undefined) break;
        if (panel.config.kind === 'stop-button') {
          if (!control.stop.isSet()) this.run.log(LogLevel.INFO, `${panel.block.name}: stop requested from the web page`);
          control.stop.set();
        } else {
          this.run.post(panel.id, { kind: 'click' });
        }
        break;
      }
      default:
        if (typeof message.type === 'string' && CAMERA_COMMANDS.has(message.type) && typeof message.id === 'number') {
          this.cameras.get(message.id)?.command(message);
        }
        break;
    }
  }

  private status(ended = false): Record<string, unknown> {
    const { control, links } = this.run;
    const t0 = control.t0.value;
    const now = Date.now() / 1000;
    const state = ended ? 'ended' : this.phase;
    if ((state === 'stopping' || state === 'ended') && this.stoppedAt === null) this.stoppedAt = now;
    return {
      type: 'run',
      state,
      elapsed: t0 > 0 ? (this.stoppedAt ?? now) - t0 : 0,
      rates: this.rates,
      // Sent and received are counters in shared memory; drops come from the linkDrop events.
      links: links.map((link, i) => ({ ...link.stats, dropped: this.dropped[i] })),
    };
  }

  private broadcastStatus(ended = false): void {
    // A camera's feed appears once its Block's worker made its frame ring.
    for (const camera of this.cameras.values()) camera.attach();
    this.loopRates.add({
      time: systemClock.time(),
      counts: Array.from(this.run.blocks, (_, i) => Atomics.load(this.loops, i)),
      lastLoops: Array.from(this.lastLoops),
    });
    this.rates = this.loopRates.rates();
    this.broadcast(this.status(ended));
  }

  private broadcast(message: object): void {
    if (this.wss === null || this.wss.clients.size === 0) return;
    const text = JSON.stringify(message);
    for (const client of this.wss.clients) if (client.readyState === client.OPEN) client.send(text);
  }
}

/** A message from a page: a JSON object with its `type` and, for a panel, the panel's `id`. */
type PageMessage = { type?: unknown; id?: unknown } & Record<string, unknown>;

/** The message `raw` sent by a page, or `null` when it is not a JSON object. */
function parseMessage(raw: string): PageMessage | null {
  try {
    const message: unknown = JSON.parse(raw);
    return typeof message === 'object' && message !== null && !Array.isArray(message) ? (message as PageMessage) : null;
  } catch {
    return null;
  }
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => process.stderr.write(`crappy: could not open a browser; open ${url} yourself\n`));
    child.unref();
  } catch {
    process.stderr.write(`crappy: could not open a browser; open ${url} yourself\n`);
  }
}
