import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { isLoopback } from './hosts.js';

/** Files of the certificate with which the page is served over HTTPS (and its socket over WSS). */
export interface UiTlsOptions {
  /** Path of the private key (PEM). */
  key: string;
  /** Path of the certificate (PEM), with its chain if any. */
  cert: string;
}

/** Who may open the run's page and control the run (see the security section of the UI guide). */
export interface UiAccessOptions {
  /**
   * Require the run's random token (default true): the printed address
   * carries it, the page keeps it in a cookie. `false` (a kiosk screen)
   * is allowed on a loopback `host` only, and logs a warning.
   */
  token?: boolean;
  /** Serve the page over HTTPS and its socket over WSS with this key and certificate. */
  tls?: UiTlsOptions;
  /** More host names the page may be reached under (a lab DNS name, the certificate's name). */
  allowedHosts?: readonly string[];
}

/** The access options, checked, with the TLS files read. @internal */
export interface AccessSettings {
  /** Whether the token is required. */
  token: boolean;
  /** Key and certificate, or `null` for plain HTTP. */
  tls: { key: Buffer; cert: Buffer } | null;
  /** More accepted host names. */
  allowedHosts: readonly string[];
}

/**
 * Checks the access options of a server listening on `host`.
 * @throws TypeError / Error naming the wrong option (`ui.token`, `ui.tls.key`...)
 * @internal
 */
export function readAccessOptions(options: UiAccessOptions, host: string): AccessSettings {
  if (options.token !== undefined && typeof options.token !== 'boolean') throw new TypeError(`ui.token must be a boolean, got ${String(options.token)}`);
  const token = options.token ?? true;
  if (!token && !isLoopback(host)) {
    throw new Error(`ui.token: false is allowed only on a loopback host (127.0.0.1, localhost, ::1): on '${host}' the page always requires its token`);
  }
  const allowedHosts = options.allowedHosts ?? [];
  if (!Array.isArray(allowedHosts) || allowedHosts.some((name) => typeof name !== 'string' || name === '')) {
    throw new TypeError('ui.allowedHosts must be an array of host names');
  }
  return { token, tls: options.tls === undefined ? null : readTls(options.tls), allowedHosts };
}

function readTls(tls: UiTlsOptions): { key: Buffer; cert: Buffer } {
  if (tls === null || typeof tls !== 'object') throw new TypeError('ui.tls must be an object { key, cert } of PEM file paths');
  const read = (name: 'key' | 'cert'): Buffer => {
    const path = tls[name];
    if (typeof path !== 'string' || path === '') throw new TypeError(`ui.tls.${name} must be the path of a PEM file, got ${String(path)}`);
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(`ui.tls.${name}: cannot read ${path}: ${(error as Error).message}`);
    }
  };
  const files = { key: read('key'), cert: read('cert') };
  try {
    createSecureContext(files);
  } catch (error) {
    throw new Error(`ui.tls: the key and certificate cannot be used together: ${(error as Error).message}`);
  }
  return files;
}
