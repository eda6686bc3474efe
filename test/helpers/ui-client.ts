// Raw HTTP and WebSocket clients for the UI server's access tests: any
// header can be forged (Host, Origin, Cookie), as another site's page or a
// DNS-rebinding page would send them.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ChildProcess } from 'node:child_process';
import { WebSocket } from 'ws';
import { runScript, type ScriptResult } from './run-script.js';

/** What the server answered to a request. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Headers to forge, and the certificate to trust for HTTPS. */
export interface Forged {
  headers?: Record<string, string>;
  ca?: Buffer;
}

/** A GET of `url` (the connection always goes to the address in `url`, whatever the forged `Host`). */
export function get(url: string, { headers = {}, ca }: Forged = {}): Promise<Answer> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target, { headers, ca }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

/** A socket the server accepted; {@link Opened.next} gives the messages in order. */
export interface Opened {
  status: 101;
  ws: WebSocket;
  /** The next message of this type (the ones before it are dropped). */
  next(type: string): Promise<Record<string, unknown>>;
}

/** Opens a WebSocket to `url`: the server's refusal (its HTTP status) or the open socket. */
export function openSocket(url: string, { headers = {}, ca }: Forged = {}): Promise<{ status: number; body: string } | Opened> {
  const { origin, ...rest } = headers;
  const ws = new WebSocket(url, { origin, headers: rest, ca });
  const inbox: Array<Record<string, unknown>> = [];
  let wake: Array<() => void> = [];
  let closed = false;
  const notify = (): void => wake.splice(0).forEach((resume) => resume());
  ws.on('message', (raw) => {
    inbox.push(JSON.parse(String(raw)) as Record<string, unknown>);
    notify();
  });
  ws.on('close', () => {
    closed = true;
    notify();
  });
  const next = async (type: string): Promise<Record<string, unknown>> => {
    for (;;) {
      const index = inbox.findIndex((message) => message.type === type);
      if (index >= 0) return inbox.splice(0, index + 1).pop()!;
      if (closed) throw new Error(`the socket closed before a '${type}' message`);
      await new Promise<void>((resume) => wake.push(resume));
    }
  };
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (req, res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    ws.on('open', () => resolve({ status: 101, ws, next }));
    ws.on('error', reject);
  });
}

/** A run of test/scripts/ui/access.ts, with the addresses it printed. */
export interface UiRun {
  /** The printed address (with the control token, if any). */
  url: string;
  /** The printed view-only address, or `null`. */
  viewUrl: string | null;
  /** The run's end. */
  finished: Promise<ScriptResult>;
  child: ChildProcess;
}

/**
 * Starts test/scripts/ui/access.ts with these ui options, and resolves once
 * it printed its address(es) (the view-only one too unless `token` is false).
 * @throws Error with the script's output when it ends before
 */
export function startUiRun(options: Record<string, unknown>): Promise<UiRun> {
  let out = '';
  let child: ChildProcess | undefined;
  let printed: () => void = () => {};
  const ready = new Promise<void>((resolve) => (printed = resolve));
  const lines = options.token === false ? /Crappy UI: \S+\n/ : /Crappy UI: \S+\n[^]*Crappy UI \(view only\): \S+\n/;
  const finished = runScript('ui/access.ts', {
    args: [JSON.stringify(options)],
    timeoutMs: 60_000,
    onSpawn: (c) => (child = c),
    onStdout: (chunk) => {
      out += chunk;
      if (lines.test(out)) printed();
    },
  });
  const early = finished.then((r) => Promise.reject(new Error(`the script ended early:\n${r.stdout}\n${r.stderr}`)));
  return Promise.race([ready, early]).then(() => ({
    url: /Crappy UI: (\S+)/.exec(out)![1]!,
    viewUrl: /Crappy UI \(view only\): (\S+)/.exec(out)?.[1] ?? null,
    finished,
    child: child!,
  }));
}
